using AIRisk.Tests.TestSupport;
using AIRisk.Web.Components.Pages.Home;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// Browser mode on a freshly started app, whose first page load needs a generic token (and so a pop-up) for the user
/// list: its own app process, since any earlier page load would leave the token and the list cached.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class BrowserModeBlockedPopupTests(BrowserModeAppFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserModeAppFixture>
{
    /// <summary>
    /// What a user's browser does and headless Chromium under Playwright doesn't (Playwright turns the blocker off, and
    /// its navigations count as a user gesture): <c>window.open</c> returns null unless a real click or key press
    /// happened in the last 5 seconds.
    /// </summary>
    private const string BlockPopupsWithoutUserGesture = """
        (() => {
            let lastGesture = -Infinity;
            for (const type of ['click', 'keydown'])
                addEventListener(type, e => { if (e.isTrusted) lastGesture = performance.now(); }, true);
            const open = window.open;
            window.open = function (...args) {
                return performance.now() - lastGesture < 5000 ? open.apply(this, args) : null;
            };
        })();
        """;

    [Fact]
    public async Task A_blocked_signin_popup_for_the_user_list_shows_an_error_whose_retry_signs_in()
    {
        await Context.AddInitScriptAsync(BlockPopupsWithoutUserGesture);
        await Page.GotoAsync("/");
        await Expect(ErrorMessages).ToContainTextAsync("blocked");
        await Expect(UserRows).ToHaveCountAsync(0);

        await Page.RunAndWaitForPopupAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync());

        await Expect(UserRows).ToHaveCountAsync(UserPicker.PageSize);
        await Expect(ErrorMessages).ToHaveCountAsync(0);
    }
}
