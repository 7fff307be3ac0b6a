using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AIRisk.Tests.Core.Auth;

public sealed class TokenExpiryTests
{
    [Fact]
    public async Task An_expired_token_is_replaced_transparently_before_the_call()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.TokenLifetime = TimeSpan.FromMinutes(5), time: time);
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        var user = harness.Sandbox.User(2);
        await circuit.Tokens.ActAsAsync(user, ct);
        var firstExpiry = circuit.Tokens.Current.Token!.ExpiresAt;

        time.Advance(TimeSpan.FromMinutes(6));
        var agents = await circuit.Get<AIRiskChatClient>().ListAgentsAsync(ct);

        Assert.NotEmpty(agents);
        Assert.Equal(2, harness.State.Requests.CountTokenCalls(user.Id));
        Assert.True(circuit.Tokens.Current.Token!.ExpiresAt > firstExpiry);
        Assert.Equal(user.Id, circuit.Tokens.Current.User!.Id);
    }

    [Fact]
    public async Task Parallel_calls_of_a_circuit_whose_token_is_expiring_share_one_renewal_and_are_each_sent_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // A flow no other circuit may join, as the browser flow's pop-up: the token cache cannot merge its runs.
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.TokenLifetime = TimeSpan.FromMinutes(5), time: time, services: s =>
        {
            s.AddScoped<ServerAuthorizationFlow>();
            s.Replace(ServiceDescriptor.Scoped<IAuthorizationFlow, UnsharedServerFlow>());
        });
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        var user = harness.Sandbox.User(2);
        await circuit.Tokens.ActAsAsync(user, ct);
        var chat = circuit.Get<AIRiskChatClient>();
        var conversation = (await chat.ListConversationsAsync(new ConversationQuery(PageSize: 1), ct))[0];

        time.Advance(TimeSpan.FromMinutes(6));
        harness.State.Requests.Clear();
        await Task.WhenAll(
            chat.ListAgentsAsync(ct),
            chat.ListConversationsAsync(new ConversationQuery(), ct),
            chat.GetConversationAsync(conversation.Id, ct));

        Assert.Equal(1, harness.State.Requests.CountTokenCalls(user.Id));
        Assert.Equal(3, harness.State.Requests.Count(RequestKind.Api));
        Assert.Single(harness.State.Requests.Snapshot(), r => r.Path.StartsWith("/api/Chat/GetConversation/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_renewal_that_fails_at_once_is_not_kept_and_the_next_call_renews()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var refusals = 1;
        // A check that fails before its first await (a refused policy, say) ends the renewal synchronously.
        var gate = new Mock<IRenewalGate>();
        gate.Setup(g => g.CheckAsync(It.IsAny<ActingIdentity>(), It.IsAny<CancellationToken>()))
            .Returns(() => refusals-- > 0 ? Task.FromException(new AIRiskApiException("Renewal refused for now.")) : Task.CompletedTask);
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.TokenLifetime = TimeSpan.FromMinutes(5), time: time,
            services: s => s.AddScoped(_ => gate.Object));
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(2), ct);
        time.Advance(TimeSpan.FromMinutes(6));
        var chat = circuit.Get<AIRiskChatClient>();
        await Assert.ThrowsAsync<AIRiskApiException>(() => chat.ListAgentsAsync(ct));

        var agents = await chat.ListAgentsAsync(ct);

        Assert.NotEmpty(agents);
    }

    [Fact]
    public async Task A_revoked_token_is_renewed_once_after_a_401_and_the_call_succeeds()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        var user = harness.Sandbox.User(6);
        await circuit.Tokens.ActAsAsync(user, ct);

        harness.State.RevokeAllTokens();
        var agents = await circuit.Get<AIRiskChatClient>().ListAgentsAsync(ct);

        Assert.NotEmpty(agents);
        Assert.Equal(2, harness.State.Requests.CountTokenCalls(user.Id));
    }

    [Fact]
    public async Task Circuits_refused_the_same_revoked_token_share_one_renewal()
    {
        await using var harness = await CoreHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var user = harness.Sandbox.User(6);
        var circuits = Enumerable.Range(0, 5).Select(_ => harness.NewCircuit()).ToList();
        foreach (var circuit in circuits)
            await circuit.Tokens.ActAsAsync(user, ct);

        harness.State.RevokeAllTokens();
        foreach (var circuit in circuits)
            await circuit.Get<AIRiskChatClient>().ListAgentsAsync(ct);

        Assert.Equal(2, harness.State.Requests.CountTokenCalls(user.Id));
        foreach (var circuit in circuits)
            await circuit.DisposeAsync();
    }

    [Fact]
    public async Task A_token_refused_again_after_renewal_gives_a_clear_401_error()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(6), ct);
        harness.State.Faults.FailNext("/api/Chat/ListAgents", 2, FaultKind.Problem, 401);

        var error = await Assert.ThrowsAsync<AIRiskApiException>(() => circuit.Get<AIRiskChatClient>().ListAgentsAsync(ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("even after signing in again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_never_prints_its_value()
    {
        var token = new AccessToken("secret-token-value", "user-1", DateTimeOffset.UnixEpoch);

        var printed = $"{token} {new ActingIdentity(1, new AIRiskUser("user-1", "Ann"), token)}";

        Assert.DoesNotContain("secret-token-value", printed, StringComparison.Ordinal);
        Assert.Contains("redacted", printed, StringComparison.Ordinal);
    }
}
