using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// Browser mode on a freshly started app with Chromium's pop-up blocker on, whose first page load needs a generic
/// token (and so a sign-in window nobody clicked for) for the user list: its own app process, since any earlier page
/// load would leave the token and the list cached.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class BrowserModeBlockedPopupTests(BrowserModeAppFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserModeAppFixture>
{
    [Fact]
    public async Task With_the_pop_up_blocker_on_the_page_offers_Sign_in_to_AIRisk_whose_click_signs_in()
    {
        await Page.GotoAsync("/");
        await Expect(ErrorMessages).ToContainTextAsync("sign in");
        await Expect(UserRows).ToHaveCountAsync(0);

        await Page.RunAndWaitForPopupAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in to AIRisk" }).ClickAsync());

        await Expect(UserRows).ToHaveCountAsync(UserPicker.PageSize);
        await Expect(ErrorMessages).ToHaveCountAsync(0);
    }
}
