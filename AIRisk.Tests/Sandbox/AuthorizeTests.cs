using System.Net;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Sandbox;

public sealed class AuthorizeTests
{
    [Fact]
    public async Task Authorize_redirects_to_the_callback_with_a_code_and_the_state()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.AuthorizeAsync(sandbox.User(0).Id, state: "a b&c=d/é");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(SandboxClient.RedirectUri + "?code=", location.OriginalString, StringComparison.Ordinal);
        var query = SandboxClient.Query(location);
        Assert.True(query["code"].ToString().Length >= 22);
        Assert.Equal("a b&c=d/é", query["state"].ToString());
    }

    [Fact]
    public async Task Authorize_without_state_sends_no_state_back()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.AuthorizeAsync();

        Assert.DoesNotContain("state=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_appends_the_code_to_a_redirect_uri_that_has_a_query()
    {
        const string redirectUri = "https://console.example/callback?tenant=demo";
        await using var sandbox = await SandboxClient.StartAsync(o => o.RedirectUris = [SandboxClient.RedirectUri, redirectUri]);

        using var response = await sandbox.AuthorizeAsync(redirectUri: redirectUri, state: "s");

        Assert.StartsWith(redirectUri + "&code=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_client_is_rejected_with_401_problem_json()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.AuthorizeAsync(clientId: Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await SandboxClient.ReadJsonAsync(response);
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Unauthorized", problem.RootElement.GetProperty("title").GetString());
        Assert.True(problem.RootElement.TryGetProperty("type", out _));
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task Missing_client_id_is_rejected_with_Invalid_client_id()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.AuthorizeAsync(clientId: null);

        await SandboxClient.AssertPlainTextAsync(response, "Invalid client_id");
    }

    [Fact]
    public async Task Redirect_uri_not_in_the_allowed_list_is_rejected_with_Invalid_redirect_uri()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.AuthorizeAsync(redirectUri: SandboxClient.RedirectUri + "/");

        await SandboxClient.AssertPlainTextAsync(response, "Invalid redirect_uri");
    }

    [Fact]
    public async Task Unknown_userid_is_rejected_with_Invalid_userid()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await sandbox.AuthorizeAsync(userId: Guid.NewGuid().ToString());

        await SandboxClient.AssertPlainTextAsync(response, "Invalid userid");
    }
}
