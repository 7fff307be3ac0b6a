using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Acting;

public sealed class ActingAuthenticationStateTests : DashboardTestContext
{
    [Fact]
    public async Task Every_switch_and_stop_notifies_a_new_subject()
    {
        var provider = Context.Services.GetRequiredService<AuthenticationStateProvider>();
        var subjects = new List<string?>();
        provider.AuthenticationStateChanged += async task => subjects.Add((await task).User.FindFirst(ActingAuthenticationStateProvider.SubjectClaim)?.Value);
        var first = Sandbox.User(1);
        var second = Sandbox.User(2);

        await Acting.SwitchAsync(first, ct: Ct);
        await Acting.SwitchAsync(second, ct: Ct);
        await Ender.EndAsync(SessionEndCause.Stopped);

        var staffId = Context.Services.GetRequiredService<AIRisk.Web.StaffSignIn.StaffContext>().Current.Id;
        var sequence = subjects.Where((s, i) => i == 0 || s != subjects[i - 1]).ToList();
        Assert.Equal([staffId, first.Id, second.Id, staffId], sequence);
    }

    [Fact]
    public async Task Without_an_acting_user_the_principal_is_the_staff_member_alone()
    {
        var provider = Context.Services.GetRequiredService<AuthenticationStateProvider>();

        var principal = (await provider.GetAuthenticationStateAsync()).User;

        Assert.Equal(Context.Services.GetRequiredService<AIRisk.Web.StaffSignIn.StaffContext>().Current.Id, principal.FindFirst(ActingAuthenticationStateProvider.SubjectClaim)!.Value);
        Assert.Null(principal.FindFirst(ActingAuthenticationStateProvider.ActorClaim));
        Assert.Equal(ActingAuthenticationStateProvider.StaffAuthenticationType, principal.Identity!.AuthenticationType);
    }

    [Fact]
    public async Task The_hosts_anonymous_principal_never_reaches_the_page_in_place_of_the_staff_member()
    {
        var provider = Context.Services.GetRequiredService<AuthenticationStateProvider>();
        var notified = new List<System.Security.Claims.ClaimsPrincipal>();
        provider.AuthenticationStateChanged += async task => notified.Add((await task).User);

        // Without staff sign-in the host's principal is anonymous: the tab's view (the local operator) is raised instead.
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()))));

        var staffId = Context.Services.GetRequiredService<StaffContext>().Current.Id;
        Assert.NotEmpty(notified);
        Assert.All(notified, user => Assert.Equal(staffId, user.FindFirst(ActingAuthenticationStateProvider.SubjectClaim)?.Value));
        Assert.True((await provider.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
    }

    [Fact]
    public void A_reconnect_keeps_the_roles_revalidation_read_last_instead_of_the_cookies()
    {
        var provider = (IHostEnvironmentAuthenticationStateProvider)Context.Services.GetRequiredService<AuthenticationStateProvider>();
        var staff = Context.Services.GetRequiredService<StaffContext>();
        var cookie = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new("sub", "staff-9"), new("name", "Kim Keeper"), new("role", "airisk-console"), new("role", "airisk-admin"),
            new(AIRisk.Web.StaffSignIn.StaffSignIns.IdClaim, "sign-in-1"),
        ], "Cookies"));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(cookie)));
        Assert.Contains("airisk-admin", staff.Current.Roles);

        // Revalidation found the admin role withdrawn; then the browser reconnects with the cookie it signed in with.
        staff.Current = staff.Current with { Roles = new HashSet<string>(["airisk-console"], StringComparer.OrdinalIgnoreCase) };
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(cookie)));

        Assert.Equal("staff-9", staff.Current.Id);
        Assert.DoesNotContain("airisk-admin", staff.Current.Roles);
    }
}
