using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Policy;
using Bunit;

namespace AIRisk.Tests.Web.Acting;

public sealed class ReadOnlyDashboardTests() : DashboardTestContext(settings: s => s[ConsolePolicyKeys.AllowWrites] = "false")
{
    [Fact]
    public async Task With_writes_disabled_nothing_is_sent_and_the_panel_says_so()
    {
        var workspace = await OpenWorkspaceAsync(Sandbox.User(2));
        var before = Sandbox.State.Requests.Count(RequestKind.Api);

        workspace.Find("[data-testid=chat-input] textarea").Input("Should not be sent");
        workspace.Find("[data-testid=chat-send]").Click();

        workspace.WaitForAssertion(() => Assert.Contains("ALLOW_WRITES=false", workspace.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, Sandbox.State.Requests.Count(RequestKind.Api));
    }
}
