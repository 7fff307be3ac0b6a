using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIRisk.Sandbox;
using AIRisk.Sandbox.Data;
using Microsoft.AspNetCore.WebUtilities;

namespace AIRisk.Tests.TestSupport;

/// <summary>A sandbox on a free loopback port and a plain HttpClient that doesn't follow redirects.</summary>
internal sealed class SandboxClient : IAsyncDisposable
{
    public const string RedirectUri = "http://localhost/callback";

    private SandboxClient(SandboxHost host)
    {
        Host = host;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
    }

    public SandboxHost Host { get; }

    public HttpClient Http { get; }

    public SandboxState State => Host.State;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SandboxClient> StartAsync(Action<SandboxOptions>? configure = null, TimeProvider? time = null) =>
        new(await SandboxHost.StartAsync(o =>
        {
            o.StreamPieceDelay = TimeSpan.FromMilliseconds(2);
            configure?.Invoke(o);
        }, time, Ct));

    public SandboxUser User(int index) => State.Data.Users[index];

    public Task<HttpResponseMessage> AuthorizeAsync(
        string? userId = null,
        string? state = null,
        string? clientId = SandboxOptions.DemoClientId,
        string? redirectUri = RedirectUri)
    {
        var query = new Dictionary<string, string?> { ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code" };
        if (userId is not null)
            query["userid"] = userId;
        if (state is not null)
            query["state"] = state;
        var url = QueryHelpers.AddQueryString("api/oauth2", query.Where(p => p.Value is not null));
        return Http.GetAsync(url, Ct);
    }

    public async Task<string> CodeAsync(string? userId = null)
    {
        using var response = await AuthorizeAsync(userId);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return Query(response.Headers.Location!)["code"].ToString();
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? userId = null, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = SandboxOptions.DemoClientId,
            ["client_secret"] = SandboxOptions.DemoClientSecret,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["grant_type"] = "authorization_code",
        };
        if (userId is not null)
            fields["userid"] = userId;
        change?.Invoke(fields);
        return Http.PostAsync("api/oauth2/Token", new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>The whole flow: a generic token, or one for <paramref name="userId"/>.</summary>
    public async Task<string> TokenAsync(string? userId = null)
    {
        var code = await CodeAsync(userId);
        using var response = await ExchangeAsync(code, userId);
        response.EnsureSuccessStatusCode();
        using var body = await ReadJsonAsync(response);
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<string> UserTokenAsync(int index) => await TokenAsync(User(index).Id);

    public Task<HttpResponseMessage> GetAsync(string path, string? token) =>
        Http.SendAsync(Request(HttpMethod.Get, path, token), Ct);

    public Task<HttpResponseMessage> PostAsync(string path, string? token, HttpContent? content = null)
    {
        var request = Request(HttpMethod.Post, path, token);
        request.Content = content;
        return Http.SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> PostJsonAsync<T>(string path, string? token, T body) =>
        PostAsync(path, token, JsonContent.Create(body));

    public async Task<JsonDocument> GetJsonAsync(string path, string? token)
    {
        using var response = await GetAsync(path, token);
        response.EnsureSuccessStatusCode();
        return await ReadJsonAsync(response);
    }

    /// <summary>The first seeded conversation of the token's user, for tests that need any conversation.</summary>
    public async Task<string> FirstConversationIdAsync(string token)
    {
        using var conversations = await GetJsonAsync("api/Chat/GetConversations", token);
        return conversations.RootElement[0].GetProperty("id").GetString()!;
    }

    /// <summary>The sandbox's refusal of a malformed request, as the spec words it: 400, plain text, exactly <paramref name="body"/>.</summary>
    public static async Task AssertPlainTextAsync(HttpResponseMessage response, string body)
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct);

    public static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query(Uri location) =>
        QueryHelpers.ParseQuery(location.Query);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        return request;
    }
}
