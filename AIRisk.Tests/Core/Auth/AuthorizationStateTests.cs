using System.Net;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Core.Auth;

public sealed class AuthorizationStateTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_state_is_accepted_once_and_delivers_the_code()
    {
        var store = new AuthorizationStateStore(_time);
        var pending = store.Begin("user-1");

        var first = store.Complete(pending.State, "the-code");
        var replay = store.Complete(pending.State, "the-code");

        Assert.Equal(StateCheck.Accepted, first);
        Assert.Equal(StateCheck.Unknown, replay);
        Assert.Equal("the-code", await pending.Code);
    }

    [Fact]
    public async Task An_error_on_the_redirect_that_ends_a_sentence_gets_no_second_full_stop()
    {
        var store = new AuthorizationStateStore(_time);
        var pending = store.Begin("user-1");

        store.Complete(pending.State, null, "The user is disabled.");

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => pending.Code);
        Assert.Equal("AIRisk refused the authorization: The user is disabled.", error.Message);
    }

    [Fact]
    public void A_forged_state_is_refused()
    {
        var store = new AuthorizationStateStore(_time);
        store.Begin(null);

        var check = store.Complete("forged-state", "a-code");

        Assert.Equal(StateCheck.Unknown, check);
    }

    [Fact]
    public async Task A_state_that_comes_back_too_late_is_refused_and_fails_the_flow()
    {
        var store = new AuthorizationStateStore(_time);
        var pending = store.Begin(null);

        _time.Advance(AuthorizationStateStore.Lifetime + TimeSpan.FromSeconds(1));
        var check = store.Complete(pending.State, "a-code");

        Assert.Equal(StateCheck.Expired, check);
        await Assert.ThrowsAsync<AIRiskAuthException>(() => pending.Code);
    }

    [Fact]
    public void A_state_started_by_another_circuit_is_refused()
    {
        var store = new AuthorizationStateStore(_time);
        var pending = store.Begin(null, owner: "circuit-a");

        var check = store.Complete(pending.State, "a-code", owner: "circuit-b");

        Assert.Equal(StateCheck.WrongOwner, check);
    }

    [Fact]
    public void States_are_long_random_and_distinct()
    {
        var store = new AuthorizationStateStore(_time);

        var states = Enumerable.Range(0, 100).Select(_ => store.Begin(null).State).ToHashSet();

        Assert.Equal(100, states.Count);
        Assert.All(states, s => Assert.True(s.Length >= 22, "at least 128 bits of base64url"));
    }

    [Fact]
    public async Task A_redirect_carrying_another_flows_state_is_refused_and_that_flow_gets_no_code()
    {
        var store = new AuthorizationStateStore(_time);
        var other = store.Begin("user-x");
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Found)
        {
            Headers = { Location = new Uri($"https://console.example/callback?code=for-someone-else&state={other.State}") },
        });
        var options = Options.Create(new AIRiskOptions { BaseUrl = new Uri("https://tenant.example/"), ClientId = "c", ClientSecret = "s", RedirectUri = "https://console.example/callback" });
        var oauth = new AIRiskOAuthClient(new HttpClient(handler) { BaseAddress = options.Value.BaseUrl }, options, _time, NullLogger<AIRiskOAuthClient>.Instance);
        var flow = new ServerAuthorizationFlow(oauth, store);

        await Assert.ThrowsAsync<AIRiskAuthException>(() => flow.RunAsync("user-y", null, TestContext.Current.CancellationToken));

        Assert.False(other.Code.IsCompleted);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_redirect_with_a_forged_state_is_refused_and_its_code_never_exchanged()
    {
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/Token", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"access_token":"x","expiration":"2099-01-01T00:00:00Z"}""") }
            : new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://console.example/callback?code=stolen&state=forged") } });
        var options = Options.Create(new AIRiskOptions { BaseUrl = new Uri("https://tenant.example/"), ClientId = "c", ClientSecret = "s", RedirectUri = "https://console.example/callback" });
        var oauth = new AIRiskOAuthClient(new HttpClient(handler) { BaseAddress = options.Value.BaseUrl }, options, _time, NullLogger<AIRiskOAuthClient>.Instance);
        var flow = new ServerAuthorizationFlow(oauth, new AuthorizationStateStore(_time));

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => flow.RunAsync(null, null, TestContext.Current.CancellationToken));

        Assert.Contains("state", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(handler.Requests, r => r.RequestUri!.AbsolutePath.EndsWith("/Token", StringComparison.Ordinal));
    }
}
