using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Sandbox;

public sealed class TokenTests
{
    [Fact]
    public async Task Code_exchange_returns_only_access_token_and_expiration()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 12, 12, 17, 400, TimeSpan.Zero));
        await using var sandbox = await SandboxClient.StartAsync(time: time);
        var code = await sandbox.CodeAsync();

        using var response = await sandbox.ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await SandboxClient.ReadJsonAsync(response);
        var properties = body.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["access_token", "expiration"], properties);
        Assert.Equal(3, body.RootElement.GetProperty("access_token").GetString()!.Split('.').Length);
        Assert.Equal("2025-03-31T13:12:17Z", body.RootElement.GetProperty("expiration").GetString());
    }

    [Fact]
    public async Task Reused_code_is_rejected_with_Invalid_Code()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync();
        (await sandbox.ExchangeAsync(code)).Dispose();

        using var response = await sandbox.ExchangeAsync(code);

        await SandboxClient.AssertPlainTextAsync(response, "Invalid Code");
    }

    [Fact]
    public async Task Expired_code_is_rejected_with_Invalid_Code()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await SandboxClient.StartAsync(time: time);
        var code = await sandbox.CodeAsync();
        time.Advance(TimeSpan.FromSeconds(61));

        using var response = await sandbox.ExchangeAsync(code);

        await SandboxClient.AssertPlainTextAsync(response, "Invalid Code");
    }

    [Fact]
    public async Task Unknown_code_is_rejected_with_Invalid_Code()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.ExchangeAsync("not-a-code");

        await SandboxClient.AssertPlainTextAsync(response, "Invalid Code");
    }

    [Fact]
    public async Task Userid_differing_from_the_authorize_step_is_rejected_with_Invalid_userid()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync(sandbox.User(0).Id);

        using var response = await sandbox.ExchangeAsync(code, sandbox.User(1).Id);

        await SandboxClient.AssertPlainTextAsync(response, "Invalid userid");
    }

    [Fact]
    public async Task Userid_left_out_of_a_user_specific_exchange_is_rejected_with_Invalid_userid()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync(sandbox.User(0).Id);

        using var response = await sandbox.ExchangeAsync(code, userId: null);

        await SandboxClient.AssertPlainTextAsync(response, "Invalid userid");
    }

    [Fact]
    public async Task Wrong_secret_is_rejected_with_401_problem_json()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync();

        using var response = await sandbox.ExchangeAsync(code, change: f => f["client_secret"] = "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_client_at_the_token_step_is_rejected_with_401()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync();

        using var response = await sandbox.ExchangeAsync(code, change: f => f["client_id"] = Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_code_is_rejected_with_Invalid_client_id()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.ExchangeAsync("", change: f => f.Remove("code"));

        await SandboxClient.AssertPlainTextAsync(response, "Invalid client_id");
    }

    [Fact]
    public async Task Different_redirect_uri_is_rejected_with_Invalid_redirect_uri()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync();

        using var response = await sandbox.ExchangeAsync(code, change: f => f["redirect_uri"] = "http://localhost/other");

        await SandboxClient.AssertPlainTextAsync(response, "Invalid redirect_uri");
    }

    [Fact]
    public async Task Absent_redirect_uri_is_tolerated()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync();

        using var response = await sandbox.ExchangeAsync(code, change: f => f.Remove("redirect_uri"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unsupported_grant_type_is_rejected_with_Invalid_grant_type()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync();

        using var response = await sandbox.ExchangeAsync(code, change: f => f["grant_type"] = "client_credentials");

        await SandboxClient.AssertPlainTextAsync(response, "Invalid grant_type");
    }

    [Fact]
    public async Task Code_stays_used_after_a_failed_exchange()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var userId = sandbox.User(0).Id;
        var code = await sandbox.CodeAsync(userId);
        (await sandbox.ExchangeAsync(code, sandbox.User(1).Id)).Dispose();

        using var response = await sandbox.ExchangeAsync(code, userId);

        await SandboxClient.AssertPlainTextAsync(response, "Invalid Code");
    }

    [Fact]
    public async Task Token_exchange_accepts_a_json_body()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync();

        using var response = await sandbox.Http.PostAsJsonAsync("api/oauth2/Token", new Dictionary<string, string>
        {
            ["client_id"] = sandbox.Host.Options.ClientId,
            ["client_secret"] = sandbox.Host.Options.ClientSecret,
            ["code"] = code,
        }, SandboxClient.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_exchange_accepts_a_multipart_body_and_a_bearer_header()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var generic = await sandbox.TokenAsync();
        var userId = sandbox.User(2).Id;
        var code = await sandbox.CodeAsync(userId);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(sandbox.Host.Options.ClientId), "client_id" },
            { new StringContent(sandbox.Host.Options.ClientSecret), "client_secret" },
            { new StringContent(code), "code" },
            { new StringContent(userId.ToUpper(CultureInfo.InvariantCulture)), "userid" },
        };

        using var response = await sandbox.PostAsync("api/oauth2/Token", generic, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
