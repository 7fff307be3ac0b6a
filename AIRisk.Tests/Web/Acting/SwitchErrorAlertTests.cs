using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using Bunit;

namespace AIRisk.Tests.Web.Acting;

public sealed class SwitchErrorAlertTests() : DashboardTestContext
{
    [Fact]
    public async Task The_alert_of_a_failed_switch_goes_when_a_later_switch_succeeds()
    {
        var alert = Render<SwitchErrorAlert>();
        Sandbox.State.Faults.FailNext("/api/oauth2/Token", 1, FaultKind.Status, 500);
        await alert.InvokeAsync(() => Acting.SwitchAsync(Sandbox.User(0), ct: Ct));
        alert.WaitForAssertion(() => Assert.NotEmpty(alert.FindAll("[data-testid=error-message]")));

        await alert.InvokeAsync(() => Acting.SwitchAsync(Sandbox.User(1), ct: Ct));

        alert.WaitForAssertion(() => Assert.Empty(alert.FindAll("[data-testid=error-message]")));
        Assert.True(Tokens.Current.IsActing);
    }
}
