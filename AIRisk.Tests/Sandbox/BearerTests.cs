using System.Net;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Sandbox;

public sealed class BearerTests
{
    [Fact]
    public async Task Generic_token_can_list_users()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();

        using var response = await sandbox.GetAsync("api/Users/ListUsers", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Generic_token_cannot_chat()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();

        using var response = await sandbox.GetAsync("api/Chat/ListAgents", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task User_token_can_list_the_users_agents()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);

        using var agents = await sandbox.GetJsonAsync("api/Chat/ListAgents", token);

        Assert.InRange(agents.RootElement.GetArrayLength(), 1, 4);
        Assert.All(agents.RootElement.EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task User_token_cannot_list_users()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);

        using var response = await sandbox.GetAsync("api/Users/ListUsers", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Missing_token_gets_401_with_a_Bearer_challenge()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.GetAsync("api/Users/ListUsers", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Expired_token_is_rejected_with_401()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await SandboxClient.StartAsync(time: time);
        var token = await sandbox.TokenAsync();
        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        using var response = await sandbox.GetAsync("api/Users/ListUsers", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(TokenKind.Invalid, sandbox.State.Requests.Snapshot()[^1].TokenKind);
    }

    [Fact]
    public async Task Revoked_token_is_rejected_with_401()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        sandbox.State.RevokeAllTokens();

        using var response = await sandbox.GetAsync("api/Chat/ListAgents", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
