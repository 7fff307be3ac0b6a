using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Core.Auth;

public sealed class OAuthFlowTests
{
    [Fact]
    public async Task Generic_flow_returns_a_token_that_belongs_to_no_user()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();

        var token = await circuit.Tokens.GetGenericTokenAsync(TestContext.Current.CancellationToken);

        Assert.True(token.IsGeneric);
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow);
        Assert.Equal(1, harness.State.Requests.Count(RequestKind.Authorize));
        Assert.Equal(1, harness.State.Requests.CountTokenCalls(null));
    }

    [Fact]
    public async Task User_flow_returns_a_token_for_that_user()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var user = harness.Sandbox.User(3);

        var switched = await circuit.Tokens.ActAsAsync(user, TestContext.Current.CancellationToken);

        Assert.True(switched);
        Assert.Equal(user.Id, circuit.Tokens.Current.User!.Id);
        Assert.Equal(user.Id, circuit.Tokens.Current.Token!.UserId);
        Assert.Equal(1, harness.State.Requests.CountTokenCalls(user.Id));
    }

    [Fact]
    public async Task Unknown_client_is_reported_with_status_401()
    {
        var error = await GenericTokenRefusedAsync(AIRiskKeys.ClientId, Guid.NewGuid().ToString());

        Assert.Equal(401, error.StatusCode);
        Assert.StartsWith("Authorization failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_uri_not_registered_is_reported_with_AIRisk_message()
    {
        var error = await GenericTokenRefusedAsync(AIRiskKeys.RedirectUri, "https://evil.example/callback");

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("redirect_uri", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Wrong_secret_fails_at_the_token_step()
    {
        var error = await GenericTokenRefusedAsync(AIRiskKeys.ClientSecret, "not-the-secret");

        Assert.StartsWith("Token exchange failed", error.Message, StringComparison.Ordinal);
        Assert.True(error.CredentialsRefused);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reused_code_is_rejected_with_Invalid_Code()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var oauth = circuit.Get<AIRiskOAuthClient>();
        var ct = TestContext.Current.CancellationToken;
        var redirect = await oauth.AuthorizeAsync(oauth.BuildAuthorizeUri(null, "s1"), null, ct);
        await oauth.ExchangeAsync(redirect.Code!, null, null, ct);

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => oauth.ExchangeAsync(redirect.Code!, null, null, ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Invalid Code", error.ServerMessage);
    }

    [Fact]
    public async Task A_used_code_is_not_blamed_on_the_client_id_and_secret()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var oauth = circuit.Get<AIRiskOAuthClient>();
        var ct = TestContext.Current.CancellationToken;
        var redirect = await oauth.AuthorizeAsync(oauth.BuildAuthorizeUri(null, "s1"), null, ct);
        await oauth.ExchangeAsync(redirect.Code!, null, null, ct);

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => oauth.ExchangeAsync(redirect.Code!, null, null, ct));

        Assert.False(error.CredentialsRefused);
        Assert.DoesNotContain(AIRiskKeys.ClientSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_code_is_rejected_with_Invalid_Code()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await CoreHarness.StartAsync(time: time);
        await using var circuit = harness.NewCircuit();
        var oauth = circuit.Get<AIRiskOAuthClient>();
        var ct = TestContext.Current.CancellationToken;
        var redirect = await oauth.AuthorizeAsync(oauth.BuildAuthorizeUri(null, "s1"), null, ct);

        time.Advance(TimeSpan.FromMinutes(10));
        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => oauth.ExchangeAsync(redirect.Code!, null, null, ct));

        Assert.Equal("Invalid Code", error.ServerMessage);
    }

    [Fact]
    public async Task Userid_differing_between_the_two_steps_is_rejected()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var oauth = circuit.Get<AIRiskOAuthClient>();
        var ct = TestContext.Current.CancellationToken;
        var redirect = await oauth.AuthorizeAsync(oauth.BuildAuthorizeUri(harness.Sandbox.User(1).Id, "s1"), null, ct);

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => oauth.ExchangeAsync(redirect.Code!, harness.Sandbox.User(2).Id, null, ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("userid", error.ServerMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_userid_fails_the_switch()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(
            () => circuit.Tokens.ActAsAsync(new("00000000-0000-0000-0000-000000000000", "Nobody"), TestContext.Current.CancellationToken));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("userid", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Server_error_on_the_token_step_fails_without_retrying_the_code()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        harness.State.Faults.FailNext("/api/oauth2/Token", 1, FaultKind.Status, 500);

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => circuit.Tokens.GetGenericTokenAsync(TestContext.Current.CancellationToken));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(1, harness.State.Requests.Count(RequestKind.Token));
    }

    [Fact]
    public async Task AIRisk_that_does_not_answer_in_time_is_reported_as_a_timeout()
    {
        await using var harness = await CoreHarness.StartAsync(settings: s => s[AIRiskKeys.TimeoutSeconds] = "1");
        await using var circuit = harness.NewCircuit();
        harness.State.Faults.FailNext("/api/oauth2/Token", 1, FaultKind.Hang);

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => circuit.Tokens.GetGenericTokenAsync(TestContext.Current.CancellationToken));

        Assert.Contains("did not answer within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task Unreachable_AIRisk_is_reported_as_unreachable()
    {
        await using var harness = await CoreHarness.StartAsync(settings: s => s[AIRiskKeys.BaseUrl] = "http://127.0.0.1:9/");
        await using var circuit = harness.NewCircuit();

        var error = await Assert.ThrowsAsync<AIRiskAuthException>(() => circuit.Tokens.GetGenericTokenAsync(TestContext.Current.CancellationToken));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Asks for the generic token with one setting changed to <paramref name="value"/>; returns how AIRisk refused.</summary>
    private static async Task<AIRiskAuthException> GenericTokenRefusedAsync(string key, string value)
    {
        await using var harness = await CoreHarness.StartAsync(settings: s => s[key] = value);
        await using var circuit = harness.NewCircuit();
        return await Assert.ThrowsAsync<AIRiskAuthException>(() => circuit.Tokens.GetGenericTokenAsync(TestContext.Current.CancellationToken));
    }
}
