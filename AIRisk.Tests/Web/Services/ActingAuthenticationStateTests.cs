using AIRisk.Tests.TestSupport;
using AIRisk.Web.Services.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Services;

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

        await Acting.ActAsAsync(first, Ct);
        await Acting.ActAsAsync(second, Ct);
        await Acting.StopActingAsync();

        var staffId = Context.Services.GetRequiredService<AIRisk.Web.Services.Identity.StaffContext>().Current.Id;
        var sequence = subjects.Where((s, i) => i == 0 || s != subjects[i - 1]).ToList();
        Assert.Equal([staffId, first.Id, second.Id, staffId], sequence);
    }

    [Fact]
    public async Task Without_an_acting_user_the_principal_is_the_staff_member_alone()
    {
        var provider = Context.Services.GetRequiredService<AuthenticationStateProvider>();

        var principal = (await provider.GetAuthenticationStateAsync()).User;

        Assert.Equal(Context.Services.GetRequiredService<AIRisk.Web.Services.Identity.StaffContext>().Current.Id, principal.FindFirst(ActingAuthenticationStateProvider.SubjectClaim)!.Value);
        Assert.Null(principal.FindFirst(ActingAuthenticationStateProvider.ActorClaim));
        Assert.Equal(ActingAuthenticationStateProvider.StaffAuthenticationType, principal.Identity!.AuthenticationType);
    }
}
