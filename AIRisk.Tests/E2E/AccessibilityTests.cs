using AIRisk.Tests.TestSupport;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules) on every screen staff use, in the states they meet it in: no serious or critical
/// violation. The app asks for a reason before each switch here, so the reason dialog is checked too.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AccessibilityTests(ReasonRequiredAppFixture fixture) : BrowserTest(fixture), IClassFixture<ReasonRequiredAppFixture>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task The_console_with_nobody_acting_has_no_serious_violations()
    {
        await OpenDashboardAsync();
        await Expect(Page.GetByTestId("workspace-empty")).ToBeVisibleAsync();

        await AssertAccessibleAsync("console, nobody acting");
    }

    [Fact]
    public async Task The_reason_dialog_the_workspace_with_a_conversation_and_the_write_confirmation_have_no_serious_violations()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        var row = await ShowUserAsync(user);
        await row.GetByTestId("switch-user").ClickAsync();
        var reason = Page.GetByRole(AriaRole.Dialog);
        await Expect(reason).ToBeVisibleAsync();
        await AssertAccessibleAsync("reason dialog");

        await reason.Locator("textarea, input").First.FillAsync("ticket 7781");
        await reason.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Act as") }).ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await ConversationItems.First.ClickAsync();
        await Expect(Page.GetByTestId("chat-message").First).ToBeVisibleAsync();
        await AssertAccessibleAsync("workspace, a conversation open");

        await Page.GetByTestId("chat-input").Locator("textarea").FillAsync("Hello");
        await Page.GetByTestId("chat-send").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Write as") })).ToBeVisibleAsync();
        await AssertAccessibleAsync("write confirmation");
    }

    [Fact]
    public async Task The_quick_switcher_open_the_audit_page_and_the_alerts_page_have_no_serious_violations()
    {
        await OpenDashboardAsync();
        await Page.Keyboard.PressAsync("Control+k");
        await Page.Keyboard.TypeAsync(Fixture.FreshUser().DisplayName[..3]);
        await Expect(Page.GetByTestId("quick-switch-option").First).ToBeVisibleAsync();
        await AssertAccessibleAsync("quick switcher open");

        // As staff reach it: the menu, then Audit.
        await Page.Keyboard.PressAsync("Escape");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("Audit") }).First).ToBeVisibleAsync();
        await AssertAccessibleAsync("audit page");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Alerts" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("alerts page");
    }

    private async Task AssertAccessibleAsync(string where)
    {
        var result = await Page.RunAxe(Wcag21AA);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{where}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n  " + string.Join("\n  ", v.Nodes.Take(4).Select(n => $"{n.Target} {(n.Html.Length > 160 ? n.Html[..160] : n.Html)}")))));
    }
}
