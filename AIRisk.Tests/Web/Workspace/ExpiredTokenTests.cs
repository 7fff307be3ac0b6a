using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;
using Bunit;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Web.Workspace;

// Tokens that expire within the session's idle timeout: a renewal past a session's limits ends the session instead.
public sealed class ExpiredTokenTests() : DashboardTestContext(sandbox: o => o.TokenLifetime = TimeSpan.FromMinutes(5), time: new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    [Fact]
    public async Task Opening_a_conversation_after_the_token_expired_costs_one_renewal_and_one_fetch()
    {
        var user = Sandbox.User(0);
        var workspace = await OpenWorkspaceAsync(user);
        var tokenCalls = Sandbox.State.Requests.CountTokenCalls(user.Id);
        var fetches = ConversationFetches();

        Time!.Advance(TimeSpan.FromMinutes(6));
        workspace.FindAll("[data-testid=conversation-item]")[0].Click();

        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=chat-message]")), TimeSpan.FromSeconds(10));
        Assert.Equal(tokenCalls + 1, Sandbox.State.Requests.CountTokenCalls(user.Id));
        Assert.Equal(fetches + 1, ConversationFetches());
    }

    private int ConversationFetches() =>
        Sandbox.State.Requests.Snapshot().Count(r => r.Path.Contains("GetConversation/", StringComparison.Ordinal) && r.Kind == RequestKind.Api);
}
