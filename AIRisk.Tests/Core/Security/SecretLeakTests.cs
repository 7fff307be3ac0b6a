using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Core.Security;

/// <summary>
/// Full flows, successful and failing, with every log line at every level captured: no token, code, state or client
/// secret the flows used may appear in a log line or in a message shown to staff.
/// </summary>
public sealed class SecretLeakTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_successful_journey_logs_no_secret()
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await CoreHarness.StartAsync(logs: logs);
        await using var circuit = harness.NewCircuit();

        await circuit.Get<AIRiskUsersClient>().ListUsersAsync(Ct);
        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(1), Ct);
        var chat = circuit.Get<AIRiskChatClient>();
        var conversation = (await chat.ListConversationsAsync(new ConversationQuery(), Ct))[0];
        await foreach (var _ in chat.AskAgentAsync(conversation.Id, "hello", Ct))
        {
        }

        harness.State.RevokeAllTokens();
        await chat.ListAgentsAsync(Ct);

        AssertNoSecret(harness, logs.Lines, []);
    }

    [Theory]
    [InlineData("/api/oauth2", FaultKind.Problem, 401)]
    [InlineData("/api/oauth2/Token", FaultKind.Status, 400)]
    [InlineData("/api/oauth2/Token", FaultKind.Problem, 500)]
    [InlineData("/api/oauth2/Token", FaultKind.HtmlPage, 502)]
    [InlineData("/api/oauth2/Token", FaultKind.MalformedJson, 200)]
    [InlineData("/api/oauth2/Token", FaultKind.Hang, 500)]
    [InlineData("/api/oauth2", FaultKind.Drop, 500)]
    public async Task A_failing_switch_logs_and_shows_no_secret(string path, FaultKind kind, int status)
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await CoreHarness.StartAsync(settings: s => s[AIRiskKeys.TimeoutSeconds] = "1", logs: logs);
        await using var circuit = harness.NewCircuit();
        await circuit.Tokens.GetGenericTokenAsync(Ct);
        harness.State.Faults.FailNext(path, 3, kind, status);

        var error = await Assert.ThrowsAnyAsync<AIRiskApiException>(() => circuit.Tokens.ActAsAsync(harness.Sandbox.User(2), Ct));

        AssertNoSecret(harness, logs.Lines, [error.Message, error.ServerMessage ?? ""]);
    }

    [Fact]
    public async Task A_wrong_secret_is_never_echoed()
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await CoreHarness.StartAsync(settings: s => s[AIRiskKeys.ClientSecret] = "wrong-secret-6d1f", logs: logs);
        await using var circuit = harness.NewCircuit();

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => circuit.Tokens.GetGenericTokenAsync(Ct));

        Assert.DoesNotContain(logs.Lines, l => l.Contains("wrong-secret-6d1f", StringComparison.Ordinal));
        Assert.DoesNotContain("wrong-secret-6d1f", error.Message, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(CoreHarness harness, IReadOnlyList<string> lines, IReadOnlyList<string> shown)
    {
        var secrets = harness.State.IssuedSecrets().Append(harness.Sandbox.Options.ClientSecret).ToList();
        Assert.True(secrets.Count > 2, "the flows should have issued codes, states and tokens to look for");
        Assert.NotEmpty(lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(shown, m => m.Contains(secret, StringComparison.Ordinal));
        }
    }
}
