using AIRisk.Tests.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>Each acting session's start, and its resume on a new circuit, names where the staff member was.</summary>
[Collection(BrowserSuite.Name)]
public sealed class SessionStartClientTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_switch_and_its_resume_after_a_reload_record_the_staff_members_address_and_browser()
    {
        // Not a Company Admin: acting as one adds a sensitive-target alert to the session's timeline.
        var user = Fixture.FreshUsers(Sandbox.Data.Users.Where(u => u.Role is not "Company Admin").Select(u => u.Id), 1)[0];
        var browser = await Page.EvaluateAsync<string>("navigator.userAgent");
        await OpenDashboardAsync();
        await ActAsAsync(user);
        await Page.ReloadAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);

        // As staff reach the trail: the menu, then Audit.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await Page.GetByTestId("audit-target").FillAsync(user.Id);
        var rows = Page.GetByTestId("audit-grid").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasNotText = user.Id })).ToHaveCountAsync(0);
        await rows.First.GetByTestId("audit-session-link").ClickAsync();
        await Expect(Page.GetByTestId("audit-session")).ToBeVisibleAsync();

        await Expect(rows).ToHaveCountAsync(3);
        var fromClient = rows.Filter(new() { Has = Page.GetByTestId("audit-client") });
        await Expect(fromClient).ToHaveCountAsync(2);
        await Expect(fromClient.GetByTestId("audit-client")).ToHaveTextAsync([.. Enumerable.Repeat($"from 127.0.0.1 · {browser}", 2)]);
        await Expect(fromClient.Nth(0)).ToContainTextAsync("Resumed");
        await Expect(fromClient.Nth(1)).ToContainTextAsync("Requested");
    }
}
