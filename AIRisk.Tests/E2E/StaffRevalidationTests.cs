using AIRisk.Tests.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// An open tab keeps asking the identity provider about its staff member: a withdrawn role or a sign-out in another
/// tab stops acting within the revalidation interval, on record, and refuses the next switch.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class StaffRevalidationTests(StaffSignInBrowserAppFixture fixture) : BrowserTest(fixture), IClassFixture<StaffSignInBrowserAppFixture>
{
    private static readonly TimeSpan WithinInterval = StaffSignInBrowserAppFixture.RevalidateInterval * 4;

    [Fact]
    public async Task A_role_withdrawn_at_the_provider_stops_acting_and_refuses_the_next_switch()
    {
        var user = await SignInAndActAsync();
        var next = Plain();

        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff with { Roles = [StaffSignInFixture.AuditorRole] };

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "", new() { Timeout = (float)WithinInterval.TotalMilliseconds });
        await Expect(Page.GetByText($"you no longer hold the staff role '{StaffSignInFixture.RequiredRole}'").First).ToBeVisibleAsync();
        var row = await ShowUserAsync(next);
        await row.GetByTestId("switch-user").ClickAsync();
        await Expect(Page.GetByText("no longer holds the role").First).ToBeVisibleAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");

        // Given the role back, staff sign in again (the old sign-in is refused) and the trail shows how acting ended.
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff;
        await OpenDashboardAsync();
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
        var stopped = false;
        var deadline = DateTime.UtcNow + WithinInterval;
        for (var i = 0; !stopped && DateTime.UtcNow < deadline; i++)
        {
            var row = await ShowUserAsync(i % 2 == 0 ? second : first);
            await row.GetByTestId("switch-user").ClickAsync();
            await Task.Delay(StaffSignInBrowserAppFixture.RevalidateInterval / 4, Ct);
            stopped = await Page.GetByText("no longer hold").CountAsync() > 0;
        }

        Assert.True(stopped, "Still acting after switching for four revalidation intervals.");
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "", new() { Timeout = (float)WithinInterval.TotalMilliseconds });
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff;
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
    private async Task<AIRisk.Sandbox.SandboxUser> SignInAndActAsync()
    {
        fixture.Provider.User = StaffSignInBrowserAppFixture.Staff;
        var user = Plain();
        await OpenDashboardAsync();
        await ActAsAsync(user);
        return user;
    }

    /// <summary>A user nobody acted as yet and whom no policy protects (not a Company Admin).</summary>
    private AIRisk.Sandbox.SandboxUser Plain() =>
        Fixture.FreshUsers(Sandbox.Data.Users.Where(u => u.Role == "User").Select(u => u.Id), 1)[0];
}
