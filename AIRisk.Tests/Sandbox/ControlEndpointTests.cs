using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AIRisk.Sandbox;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Sandbox;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task Requests_endpoint_reports_counts_and_token_calls_per_user()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var userId = sandbox.User(5).Id;
        var token = await sandbox.TokenAsync();
        await sandbox.TokenAsync(userId);
        (await sandbox.GetAsync("api/Users/ListUsers", token)).Dispose();

        using var counts = await sandbox.GetJsonAsync("sandbox/requests", token: null);

        var root = counts.RootElement;
        Assert.Equal((2, 2, 1, 5), (root.GetProperty("authorize").GetInt32(), root.GetProperty("token").GetInt32(), root.GetProperty("api").GetInt32(), root.GetProperty("total").GetInt32()));
        Assert.Equal(1, root.GetProperty("tokenByUser").GetProperty("generic").GetInt32());
        Assert.Equal(1, root.GetProperty("tokenByUser").GetProperty(userId).GetInt32());
    }

    [Fact]
    public async Task Reset_endpoint_clears_the_request_log()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        await sandbox.TokenAsync();

        using var response = await sandbox.PostAsync("sandbox/requests/reset", token: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, sandbox.State.Requests.Count(RequestKind.Token));
    }

    [Fact]
    public async Task Faults_endpoint_queues_a_fault()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        (await sandbox.PostJsonAsync("sandbox/faults", null, new { path = "/api/oauth2", count = 2, kind = "status", status = 429 })).Dispose();

        using var first = await sandbox.AuthorizeAsync();
        using var second = await sandbox.AuthorizeAsync();
        using var third = await sandbox.AuthorizeAsync();

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.Found], [first.StatusCode, second.StatusCode, third.StatusCode]);
    }

    [Fact]
    public async Task Faults_endpoint_rejects_an_unknown_kind()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.PostJsonAsync("sandbox/faults", null, new { path = "/api/", kind = "Explode" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deleting_faults_clears_the_queue()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        sandbox.State.Faults.FailNext("/api/", 5, FaultKind.Status);
        (await sandbox.Http.DeleteAsync("sandbox/faults", SandboxClient.Ct)).Dispose();

        using var response = await sandbox.AuthorizeAsync();

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [Fact]
    public async Task Control_requests_are_never_faulted()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        sandbox.State.Faults.FailNext("/", 1, FaultKind.Status);

        using var response = await sandbox.GetAsync("sandbox/info", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Latency_endpoint_delays_api_calls()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        (await sandbox.PostAsync("sandbox/latency?ms=250&jitterMs=0", token: null)).Dispose();
        var clock = Stopwatch.StartNew();

        (await sandbox.AuthorizeAsync()).Dispose();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(240), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Token_lifetime_endpoint_shortens_new_tokens()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        (await sandbox.PostAsync("sandbox/token-lifetime?seconds=5", token: null)).Dispose();
        var code = await sandbox.CodeAsync();

        using var response = await sandbox.ExchangeAsync(code);

        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(SandboxClient.Ct);
        var expiration = DateTimeOffset.Parse(body!["expiration"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiration - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Revoke_endpoint_invalidates_issued_tokens()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();
        (await sandbox.PostAsync("sandbox/tokens/revoke", token: null)).Dispose();

        using var response = await sandbox.GetAsync("api/Users/ListUsers", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stream_format_endpoint_switches_AskAgent_to_sse()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.PostAsync("sandbox/stream-format?value=sse", token: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(StreamFormat.Sse, sandbox.State.StreamFormat);
    }

    [Fact]
    public async Task Info_endpoint_shows_the_client_id_and_user_count_but_not_the_secret()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.GetAsync("sandbox/info", token: null);

        var body = await response.Content.ReadAsStringAsync(SandboxClient.Ct);
        Assert.Contains(SandboxOptions.DemoClientId, body, StringComparison.Ordinal);
        Assert.Contains("\"userCount\":40", body, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxOptions.DemoClientSecret, body, StringComparison.Ordinal);
    }
}
