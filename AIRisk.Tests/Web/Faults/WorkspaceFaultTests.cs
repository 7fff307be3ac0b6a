using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Workspace.Components;
using Bunit;

namespace AIRisk.Tests.Web.Faults;

/// <summary>AIRisk failing while staff work as a user: the panel says so, the identity stays whole, retry works.</summary>
public sealed class WorkspaceFaultTests() : DashboardTestContext(sandbox: o => o.StreamPieceDelay = TimeSpan.FromMilliseconds(20))
{
    [Theory]
    [InlineData(FaultKind.MalformedJson, 200, 1, "not the JSON expected")]
    [InlineData(FaultKind.HtmlPage, 502, 3, "HTML error page")]
    [InlineData(FaultKind.Problem, 401, 2, "even after signing in again")]
    public async Task A_failed_agents_load_is_shown_and_retry_recovers(FaultKind kind, int status, int count, string expected)
    {
        var user = Sandbox.User(2);
        await Acting.SwitchAsync(user, ct: Ct);
        Sandbox.State.Faults.FailNext("/api/Chat/ListAgents", count, kind, status);

        var workspace = Render<ActingWorkspace>();

        workspace.WaitForAssertion(() => Assert.Contains(expected, workspace.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(user.Id, Tokens.Current.Token!.UserId);
        workspace.Find("[data-testid=error-message] + button, .mud-alert button").Click();
        workspace.WaitForAssertion(() => Assert.Equal(Sandbox.State.Data.AgentIdsOf(user.Id), workspace.FindAll("[data-testid=agent-item]").Select(a => a.GetAttribute("data-agent-id")!).ToList()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_revoked_token_mid_session_is_renewed_without_the_user_noticing()
    {
        var user = Sandbox.User(2);
        await Acting.SwitchAsync(user, ct: Ct);
        Sandbox.State.RevokeAllTokens();

        var workspace = Render<ActingWorkspace>();

        workspace.WaitForAssertion(() => Assert.Equal(Sandbox.State.Data.AgentIdsOf(user.Id), workspace.FindAll("[data-testid=agent-item]").Select(a => a.GetAttribute("data-agent-id")!).ToList()), TimeSpan.FromSeconds(10));
        Assert.Empty(workspace.FindAll("[data-testid=error-message]"));
        Assert.Equal(2, Sandbox.State.Requests.CountTokenCalls(user.Id));
    }

    [Fact]
    public async Task A_reply_stream_that_breaks_mid_reply_says_so_and_the_next_question_works()
    {
        await Acting.SwitchAsync(Sandbox.User(2), ct: Ct);
        var workspace = Render<ActingWorkspace>();
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=conversation-item]")), TimeSpan.FromSeconds(10));
        workspace.FindAll("[data-testid=conversation-item]")[0].Click();
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=chat-message]")), TimeSpan.FromSeconds(10));
        Sandbox.State.Faults.FailNext("/api/Chat/AskAgent", 1, FaultKind.BreakStream);

        workspace.Find("[data-testid=chat-input] textarea").Input("First try");
        workspace.Find("[data-testid=chat-send]").Click();
        workspace.WaitForAssertion(() => Assert.Contains("broke off", workspace.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        workspace.Find("[data-testid=chat-input] textarea").Input("Second try");
        workspace.Find("[data-testid=chat-send]").Click();

        workspace.WaitForAssertion(() =>
        {
            Assert.Empty(workspace.FindAll("[data-testid=error-message]"));
            Assert.Empty(workspace.FindAll("[data-streaming=true]"));
            Assert.Contains(workspace.FindAll("[data-testid=chat-message][data-role=user]"), m => m.TextContent.Contains("Second try", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(15));
    }
}
