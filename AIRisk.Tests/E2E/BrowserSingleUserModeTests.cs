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

        // Each sign-in window needs its own click: the user list's, then the user's. A button can go as it is clicked
        // (the sign-in it stood for has just finished and the page re-rendered): then look again.
        var acting = Page.Locator($"[data-testid=acting-as][data-user-id='{fixture.User.Id}']");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await acting.IsVisibleAsync() && DateTime.UtcNow < deadline)
        {
            if (!await signIn.IsVisibleAsync())
            {
                await Task.Delay(200, Ct);
                continue;
            }

            var popup = Page.WaitForPopupAsync(new() { Timeout = 5_000 });
            try
            {
                await signIn.ClickAsync(new() { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                // Gone under the click.
            }

            try
            {
                await popup;
            }
            catch (TimeoutException)
            {
                // Nothing opened: the click did not land, or its token was already there.
            }

            await Expect(signIn.Or(acting).First).ToBeVisibleAsync();
        }

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", fixture.User.Id);
    }
}
