using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

/// <summary>Single-user mode in browser mode, with Chromium's pop-up blocker on: it starts with clicks, never by itself failing.</summary>
[Collection(BrowserSuite.Name)]
public sealed class BrowserSingleUserModeTests(BrowserSingleUserAppFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserSingleUserAppFixture>
{
    [Fact]
    public async Task Single_user_mode_offers_Sign_in_to_AIRisk_and_acts_as_the_user_after_the_clicks()
    {
        await Page.GotoAsync("/");
        var signIn = Page.GetByTestId("sign-in-airisk");
        await Expect(signIn).ToBeVisibleAsync();

        // Each sign-in window needs its own click: the user list's, then the user's.
        for (var click = 0; click < 3 && await Banner.GetAttributeAsync("data-user-id") != fixture.User.Id; click++)
        {
            if (!await signIn.IsVisibleAsync())
                break;
            await Page.RunAndWaitForPopupAsync(() => signIn.ClickAsync());
            await Expect(signIn.Or(Page.Locator($"[data-testid=acting-as][data-user-id='{fixture.User.Id}']")).First).ToBeVisibleAsync();
        }

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", fixture.User.Id);
    }
}
