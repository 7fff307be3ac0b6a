using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// Signing out in a real browser ends the sign-in at the identity provider too: on a shared desk the next person to
/// open the console is asked for credentials, not signed in as the last one.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class StaffSignOutTests(StaffSignInBrowserAppFixture fixture) : BrowserTest(fixture), IClassFixture<StaffSignInBrowserAppFixture>
{
    // Each step here is a whole round of redirects through the provider, on a machine that may be busy.
    private static readonly LocatorAssertionsToBeVisibleOptions AfterRoundTrip = new() { Timeout = 30_000 };

    private ILocator ProviderLogin => Page.GetByTestId(TestIdentityProvider.LoginPageTestId);

    [Fact]
    public async Task After_signing_out_with_the_consoles_button_the_next_visit_asks_the_identity_provider_for_credentials()
    {
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff;
        fixture.Provider.RequireLogin = true;
        Page.SetDefaultNavigationTimeout(AfterRoundTrip.Timeout!.Value);
        try
        {
            await Page.GotoAsync("/");
            await Page.GetByTestId(TestIdentityProvider.LoginButtonTestId).ClickAsync();
            await Expect(UserRows.First).ToBeVisibleAsync(AfterRoundTrip);

            await Page.GetByTestId("sign-out").ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(ProviderLogin).ToBeVisibleAsync(AfterRoundTrip);
            await Page.GotoAsync("/");

            await Expect(ProviderLogin).ToBeVisibleAsync(AfterRoundTrip);
            Assert.StartsWith(fixture.Provider.BaseAddress.AbsoluteUri, Page.Url, StringComparison.Ordinal);
            await Expect(UserRows).ToHaveCountAsync(0);
        }
        finally
        {
            fixture.Provider.RequireLogin = false;
        }
    }
}
