using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Sandbox;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Request_log_counts_token_calls_per_user()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        await sandbox.TokenAsync();
        await sandbox.UserTokenAsync(3);
        await sandbox.UserTokenAsync(3);

        var log = sandbox.State.Requests;

        Assert.Equal(1, log.CountTokenCalls(null));
        Assert.Equal(2, log.CountTokenCalls(sandbox.User(3).Id));
        Assert.Equal(0, log.CountTokenCalls(sandbox.User(4).Id));
        Assert.Equal(3, log.Count(RequestKind.Authorize));
    }

    [Fact]
    public async Task With_cookies_on_the_sandbox_sets_one_and_logs_it_when_a_client_sends_it_back()
    {
        await using var sandbox = await SandboxClient.StartAsync(o => o.SetCookies = true);
        var token = await sandbox.UserTokenAsync(0);
        using var cookieKeeping = new HttpClient { BaseAddress = sandbox.Http.BaseAddress };

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/Chat/ListAgents");
            request.Headers.Authorization = new("Bearer", token);
            (await cookieKeeping.SendAsync(request, SandboxClient.Ct)).Dispose();
        }

        var calls = sandbox.State.Requests.Snapshot().Where(r => r.Path.EndsWith("ListAgents", StringComparison.Ordinal)).ToList();
        Assert.Null(calls[0].Cookie);
        Assert.Equal($"airisk-served={sandbox.User(0).Id}", calls[1].Cookie);
    }

    [Fact]
    public async Task Request_log_records_who_called_and_the_status()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        (await sandbox.GetAsync("api/Chat/ListAgents", token)).Dispose();

        var last = sandbox.State.Requests.Snapshot()[^1];

        Assert.Equal(("GET", "/api/Chat/ListAgents", RequestKind.Api, TokenKind.User, sandbox.User(0).Id, 200),
            (last.Method, last.Path, last.Kind, last.TokenKind, last.UserId, last.Status));
    }

    [Fact]
    public async Task Request_log_keeps_no_code_or_state()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        using var response = await sandbox.AuthorizeAsync(state: "secret-state");
        var code = SandboxClient.Query(response.Headers.Location!)["code"].ToString();
        (await sandbox.ExchangeAsync(code)).Dispose();

        var logged = string.Join('\n', sandbox.State.Requests.Snapshot());

        Assert.DoesNotContain(code, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-state", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Host.Options.ClientSecret, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_resets_the_counts()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        await sandbox.TokenAsync();

        sandbox.State.Requests.Clear();

        Assert.Equal((0, 0, 0), (sandbox.State.Requests.Count(RequestKind.Token), sandbox.State.Requests.CountTokenCalls(null), sandbox.State.Requests.Snapshot().Count));
    }
}
