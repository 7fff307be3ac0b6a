using System.Security.Claims;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.StaffSignIn.Components;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.StaffSignIn;

public sealed class SignedInStaffTests : DashboardTestContext
{
    [Fact]
    public void Staff_signed_in_through_OpenID_Connect_see_their_name_and_a_sign_out()
    {
        SignInAsTheCircuitDoes("staff-ann", "Ann Support", "airisk-console");

        var staff = Context.Render<SignedInStaff>();

        Assert.Equal("staff-ann", staff.Find("[data-testid=staff-member]").GetAttribute("data-staff-id"));
        Assert.Contains("Ann Support", staff.Find("[data-testid=staff-member]").TextContent, StringComparison.Ordinal);
        Assert.Single(staff.FindAll("[data-testid=sign-out]"));
    }

    [Fact]
    public void Sign_out_leaves_the_circuit_for_the_sign_out_endpoint()
    {
        SignInAsTheCircuitDoes("staff-ann", "Ann Support", "airisk-console");
        var staff = Context.Render<SignedInStaff>();

        staff.Find("[data-testid=sign-out]").Click();

        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        Assert.Equal("/signout", new Uri(navigation.Uri).AbsolutePath);
        Assert.True(Context.Services.GetRequiredService<BunitNavigationManager>().History.First().Options.ForceLoad);
    }

    [Fact]
    public void The_local_operator_sees_their_name_and_no_sign_out()
    {
        var staff = Context.Render<SignedInStaff>();

        Assert.Contains("(local operator)", staff.Find("[data-testid=staff-member]").TextContent, StringComparison.Ordinal);
        Assert.Empty(staff.FindAll("[data-testid=sign-out]"));
    }

    [Fact]
    public async Task Acting_as_someone_leaves_the_staff_member_unchanged()
    {
        SignInAsTheCircuitDoes("staff-ann", "Ann Support", "airisk-console");
        var staff = Context.Render<SignedInStaff>();
        var user = Sandbox.User(Sandbox.State.Data.Users.ToList().FindIndex(u => u.Role == "User"));

        await Acting.SwitchAsync(user, ct: Ct);

        Assert.True(Tokens.Current.IsActing);
        Assert.Equal("staff-ann", Context.Services.GetRequiredService<AIRisk.Web.StaffSignIn.StaffContext>().Current.Id);
        staff.Render();
        Assert.Equal("staff-ann", staff.Find("[data-testid=staff-member]").GetAttribute("data-staff-id"));
        Assert.DoesNotContain(user.DisplayName, staff.Find("[data-testid=staff-member]").TextContent, StringComparison.Ordinal);
        var principal = (await Context.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
        Assert.Equal("Ann Support", ((ClaimsIdentity)principal.Identity!).Actor!.Name);
    }

    // What the Blazor host hands the circuit when the cookie holds an OpenID Connect sign-in (MapInboundClaims off).
    private void SignInAsTheCircuitDoes(string subject, string name, params string[] roles)
    {
        var identity = new ClaimsIdentity(
            [new Claim("sub", subject), new Claim("name", name), .. roles.Select(r => new Claim("role", r))],
            "AuthenticationTypes.Federation", "name", "role");
        var host = Context.Services.GetRequiredService<IHostEnvironmentAuthenticationStateProvider>();
        host.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
    }
}
