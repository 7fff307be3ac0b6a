using AIRisk.Tests.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// An open tab keeps asking the identity provider about its staff member: a withdrawn role or a sign-out in another
/// tab stops acting within the revalidation interval, on record, and leaves nothing of the console on screen until
/// staff sign in again.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class StaffRevalidationTests(StaffSignInBrowserAppFixture fixture) : BrowserTest(fixture), IClassFixture<StaffSignInBrowserAppFixture>
{
    private static readonly TimeSpan WithinInterval = StaffSignInBrowserAppFixture.RevalidateInterval * 4;

    [Fact]
    public async Task A_role_withdrawn_at_the_provider_stops_acting_and_hides_the_console_until_staff_sign_in_again()
    {
        var user = await SignInAndActAsync();

        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff with { Roles = [StaffSignInFixture.AuditorRole] };

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "", new() { Timeout = (float)WithinInterval.TotalMilliseconds });
        await Expect(Page.GetByText($"you no longer hold the staff role '{StaffSignInFixture.RequiredRole}'").First).ToBeVisibleAsync();
        // Nothing of the directory is left to switch from: not the table, not the quick switcher.
        await Expect(Page.GetByTestId("staff-signin-ended")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-row")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("quick-switch")).ToHaveCountAsync(0);

        // Given the role back, staff sign in again from the page (the old sign-in is refused: a new one at the
        // provider) and the trail shows how acting ended.
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff;
        await Page.GetByTestId("sign-in-again").ClickAsync();
        await Expect(Page.GetByTestId("user-search")).ToBeVisibleAsync();
        var trail = await (await Page.APIRequest.GetAsync($"/audit/export.csv?target={user.Id}")).TextAsync();
        Assert.Contains(",Stop,", trail, StringComparison.Ordinal);
        Assert.Contains("no longer hold the staff role", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_who_keep_switching_are_still_revalidated_on_time()
    {
        var first = await SignInAndActAsync();
        var second = Plain();
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff with { Roles = [StaffSignInFixture.AuditorRole] };

        // Each switch restarts the framework's wait; the check must come when it is due all the same.
        var ended = Page.GetByTestId("staff-signin-ended");
        var deadline = DateTime.UtcNow + WithinInterval;
        for (var i = 0; await ended.CountAsync() == 0 && DateTime.UtcNow < deadline; i++)
        {
            try
            {
                var row = await ShowUserAsync(i % 2 == 0 ? second : first);
                await row.GetByTestId("switch-user").ClickAsync(new() { Timeout = 2_000 });
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                // The console went away under the click: the check came (asserted below).
            }

            await Task.Delay(StaffSignInBrowserAppFixture.RevalidateInterval / 4, Ct);
        }

        await Expect(ended).ToBeVisibleAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff;
    }

    [Fact]
    public async Task Acting_goes_on_across_access_token_renewals_at_the_provider()
    {
        var user = await SignInAndActAsync();
        var refreshes = fixture.Provider.Refreshes;

        // Several checks, each past the access token's renewal margin: each renews it with the refresh token.
        await Task.Delay(StaffSignInBrowserAppFixture.RevalidateInterval * 3, Ct);

        Assert.True(fixture.Provider.Refreshes > refreshes, "The sign-in was never renewed with its refresh token.");
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await Expect(Page.GetByTestId("staff-signin-ended")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_access_token_the_provider_revokes_early_is_replaced_and_acting_goes_on()
    {
        var user = await SignInAndActAsync();
        var refused = fixture.Provider.RevokedTokensRefused;
        // Revoked just after a renewal, so the next check asks with a token that is not yet due for renewal itself.
        var refreshes = fixture.Provider.Refreshes;
        var deadline = DateTime.UtcNow + StaffSignInBrowserAppFixture.AccessTokenLifetime * 2;
        while (fixture.Provider.Refreshes == refreshes && DateTime.UtcNow < deadline)
            await Task.Delay(50, Ct);

        // Tokens carry their issue time in whole seconds: revoke from a whole second the current token is past, so
        // the one the refresh brings (issued later) is never taken for revoked.
        await Task.Delay(TimeSpan.FromSeconds(1.1), Ct);
        var now = DateTimeOffset.UtcNow;
        fixture.Provider.RevokeAccessTokensIssuedBefore = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        try
        {
            // Userinfo refuses the token; the refresh token gets a new one, which it accepts: staff notice nothing.
            await Task.Delay(StaffSignInBrowserAppFixture.RevalidateInterval * 2, Ct);
            Assert.True(fixture.Provider.RevokedTokensRefused > refused, "Userinfo never refused the revoked access token.");
            await Task.Delay(StaffSignInBrowserAppFixture.RevalidateInterval, Ct);
            await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
            await Expect(Page.GetByTestId("staff-signin-ended")).ToHaveCountAsync(0);
        }
        finally
        {
            fixture.Provider.RevokeAccessTokensIssuedBefore = null;
        }
    }

    [Fact]
    public async Task A_refresh_token_the_provider_refuses_stops_acting()
    {
        await SignInAndActAsync();

        fixture.Provider.RefuseRefresh = true;
        try
        {
            await Expect(Banner).ToHaveAttributeAsync("data-user-id", "", new() { Timeout = (float)WithinInterval.TotalMilliseconds });
            await Expect(Page.GetByText("the identity provider no longer accepts your staff sign-in").First).ToBeVisibleAsync();
        }
        finally
        {
            fixture.Provider.RefuseRefresh = false;
        }
    }

    [Fact]
    public async Task A_provider_that_cannot_confirm_the_sign_in_is_tolerated_for_a_while_then_acting_stops()
    {
        var user = await SignInAndActAsync();

        fixture.Provider.UserInfoFailing = true;
        try
        {
            // One interval in, a check has failed to confirm: a passing outage does not end anyone's work.
            await Task.Delay(StaffSignInBrowserAppFixture.RevalidateInterval * 1.5, Ct);
            await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);

            // Unconfirmed for three intervals since the last confirmation (at most one before the outage): acting stops.
            await Expect(Banner).ToHaveAttributeAsync("data-user-id", "", new() { Timeout = (float)(StaffSignInBrowserAppFixture.RevalidateInterval * 5).TotalMilliseconds });
            await Expect(Page.GetByText("has not confirmed your staff sign-in").First).ToBeVisibleAsync();
        }
        finally
        {
            fixture.Provider.UserInfoFailing = false;
        }
    }

    [Fact]
    public async Task Signing_out_in_another_tab_stops_acting_in_this_one()
    {
        await SignInAndActAsync();

        var other = await Context.NewPageAsync();
        await other.GotoAsync("/signout");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "", new() { Timeout = (float)WithinInterval.TotalMilliseconds });
        await Expect(Page.GetByText("your staff sign-in was signed out").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_staff_account_disabled_at_the_provider_stops_acting()
    {
        await SignInAndActAsync();

        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff with { Disabled = true };

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "", new() { Timeout = (float)WithinInterval.TotalMilliseconds });
        await Expect(Page.GetByText("the identity provider no longer accepts your staff sign-in").First).ToBeVisibleAsync();
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff;
    }

    /// <summary>Signs the staff member in (holding the console's role) and acts as a user.</summary>
    private async Task<AIRisk.Sandbox.Data.SandboxUser> SignInAndActAsync()
    {
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff;
        var user = Plain();
        await OpenDashboardAsync();
        await ActAsAsync(user);
        return user;
    }

    /// <summary>A user nobody acted as yet and whom no policy protects (not a Company Admin).</summary>
    private AIRisk.Sandbox.Data.SandboxUser Plain() =>
        Fixture.FreshUsers(Sandbox.Data.Users.Where(u => u.Role == "User").Select(u => u.Id), 1)[0];
}
