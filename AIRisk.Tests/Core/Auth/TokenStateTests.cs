using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Core.Auth;

public sealed class TokenStateTests
{
    [Fact]
    public async Task Failed_switch_keeps_the_previous_identity()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(1), ct);
        var before = circuit.Tokens.Current;
        harness.State.Faults.FailNext("/api/oauth2/Token", 1, FaultKind.Status, 500);

        await Assert.ThrowsAsync<AIRiskAuthException>(() => circuit.Tokens.ActAsAsync(harness.Sandbox.User(2), ct));

        Assert.Same(before, circuit.Tokens.Current);
        Assert.Null(circuit.Tokens.SwitchingTo);
    }

    [Fact]
    public async Task Newer_switch_wins_over_an_older_one_still_in_flight()
    {
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.Latency = TimeSpan.FromMilliseconds(150));
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        var seen = new List<string?>();
        using var _ = circuit.Tokens.NotifyOnChange(() =>
        {
            lock (seen)
                seen.Add(circuit.Tokens.Current.User?.Id);
            return Task.CompletedTask;
        });
        var userA = harness.Sandbox.User(1);
        var userB = harness.Sandbox.User(2);

        var first = circuit.Tokens.ActAsAsync(userA, ct);
        var second = circuit.Tokens.ActAsAsync(userB, ct);
        var results = await Task.WhenAll(first, second);

        Assert.Equal([false, true], results);
        Assert.Equal(userB.Id, circuit.Tokens.Current.User!.Id);
        Assert.DoesNotContain(userA.Id, seen);
    }

    [Fact]
    public async Task A_switch_that_fails_after_a_newer_one_started_is_dropped_silently()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        using var older = await circuit.Tokens.BeginSwitchAsync(harness.Sandbox.User(2), ct);

        var winning = circuit.Tokens.ActAsAsync(harness.Sandbox.User(3), ct);
        // The older switch fails (AIRisk refused its user) once the newer one has begun.
        await circuit.Tokens.AbandonAsync(older, "Authorization failed: AIRisk refused this user.");

        Assert.True(older.Token.IsCancellationRequested);
        Assert.True(await winning);
        Assert.Equal(harness.Sandbox.User(3).Id, circuit.Tokens.Current.User!.Id);
        Assert.Null(circuit.Tokens.SwitchingTo);
    }

    [Fact]
    public async Task Identity_and_token_always_belong_to_the_same_user()
    {
        await using var harness = await CoreHarness.StartAsync(sandbox: o => { o.Latency = TimeSpan.FromMilliseconds(5); o.LatencyJitter = TimeSpan.FromMilliseconds(5); });
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        var mismatches = 0;
        using var _ = circuit.Tokens.NotifyOnChange(() =>
        {
            var s = circuit.Tokens.Current;
            if (s.User is not null && s.User.Id != s.Token?.UserId)
                Interlocked.Increment(ref mismatches);
            return Task.CompletedTask;
        });

        var switches = Enumerable.Range(0, 30).Select(i => circuit.Tokens.ActAsAsync(harness.Sandbox.User(i % 7), ct)).ToArray();
        await Task.WhenAll(switches);

        Assert.Equal(0, mismatches);
        Assert.Equal(harness.Sandbox.User(29 % 7).Id, circuit.Tokens.Current.User!.Id);
    }

    [Fact]
    public async Task Stop_acting_returns_to_the_generic_identity_and_cancels_a_switch_in_flight()
    {
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.Latency = TimeSpan.FromMilliseconds(150));
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;

        var pending = circuit.Tokens.ActAsAsync(harness.Sandbox.User(4), ct);
        await circuit.Tokens.StopActingAsync();

        Assert.False(await pending);
        Assert.False(circuit.Tokens.Current.IsActing);
    }

    [Fact]
    public async Task Switching_back_to_a_user_reuses_the_cached_token()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(1), ct);
        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(2), ct);
        var tokenCalls = harness.State.Requests.Count(RequestKind.Token);

        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(1), ct);

        Assert.Equal(tokenCalls, harness.State.Requests.Count(RequestKind.Token));
        Assert.Equal(harness.Sandbox.User(1).Id, circuit.Tokens.Current.Token!.UserId);
    }

    [Fact]
    public async Task Twenty_circuits_acting_as_the_same_user_at_once_cause_one_flow()
    {
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.Latency = TimeSpan.FromMilliseconds(50));
        var circuits = Enumerable.Range(0, 20).Select(_ => harness.NewCircuit()).ToList();
        var user = harness.Sandbox.User(5);
        var ct = TestContext.Current.CancellationToken;
        await circuits[0].Tokens.GetGenericTokenAsync(ct);

        await Task.WhenAll(circuits.Select(c => c.Tokens.ActAsAsync(user, ct)));

        Assert.Equal(1, harness.State.Requests.CountTokenCalls(user.Id));
        Assert.All(circuits, c => Assert.Equal(user.Id, c.Tokens.Current.User!.Id));
        foreach (var circuit in circuits)
            await circuit.DisposeAsync();
    }

    [Fact]
    public async Task The_generic_token_is_never_used_for_a_user_call()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        await circuit.Tokens.GetGenericTokenAsync(ct);

        var error = await Assert.ThrowsAsync<AIRiskApiException>(() => circuit.Get<AIRiskChatClient>().ListAgentsAsync(ct));

        Assert.Contains("pick a user", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.State.Requests.Count(RequestKind.Api));
    }
}
