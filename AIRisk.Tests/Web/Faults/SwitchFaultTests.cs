using AIRisk.Core.Configuration;
using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using Bunit;

namespace AIRisk.Tests.Web.Faults;

/// <summary>Each way AIRisk can fail a switch: a clear message, the previous user kept everywhere, and a retry that works.</summary>
public sealed class SwitchFaultTests() : DashboardTestContext(settings: s => s[AIRiskKeys.TimeoutSeconds] = "1")
{
    [Theory]
    [InlineData("/api/oauth2", FaultKind.Status, 500, 3, "500")]
    [InlineData("/api/oauth2/Token", FaultKind.Status, 500, 1, "500")]
    [InlineData("/api/oauth2/Token", FaultKind.Status, 400, 1, "400")]
    [InlineData("/api/oauth2/Token", FaultKind.Hang, 500, 1, "did not answer within 1 s")]
    [InlineData("/api/oauth2/Token", FaultKind.HtmlPage, 502, 1, "HTML error page")]
    [InlineData("/api/oauth2/Token", FaultKind.MalformedJson, 200, 1, "not JSON")]
    [InlineData("/api/oauth2", FaultKind.Drop, 500, 3, "could not be reached")]
    public async Task A_failed_switch_explains_itself_keeps_the_previous_user_and_can_be_retried(string path, FaultKind kind, int status, int count, string expected)
    {
        var previous = Sandbox.User(0);
        var target = Sandbox.User(1);
        var host = Context.Render<DashboardHost>();
        await Acting.SwitchAsync(previous, ct: Ct);
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("[data-testid=agent-item]")), TimeSpan.FromSeconds(10));
        Sandbox.State.Faults.FailNext(path, count, kind, status);

        var switched = await Acting.SwitchAsync(target, ct: Ct);

        Assert.False(switched);
        host.WaitForAssertion(() => Assert.Contains(expected, host.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(previous.Id, host.Find("[data-testid=acting-as]").GetAttribute("data-user-id"));
        Assert.Equal(previous.Id, Tokens.Current.Token!.UserId);
        Assert.Equal(Sandbox.State.Data.AgentIdsOf(previous.Id), host.FindAll("[data-testid=agent-item]").Select(a => a.GetAttribute("data-agent-id")!).ToList());

        Sandbox.State.Faults.Clear();
        Assert.True(await Acting.SwitchAsync(target, ct: Ct));
        host.WaitForAssertion(() => Assert.Equal(Sandbox.State.Data.AgentIdsOf(target.Id), host.FindAll("[data-testid=agent-item]").Select(a => a.GetAttribute("data-agent-id")!).ToList()), TimeSpan.FromSeconds(10));
    }
}
