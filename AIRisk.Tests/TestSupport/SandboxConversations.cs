using System.Net;
using System.Text.Json;
using AIRisk.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// A user's conversations as the sandbox's API lists them, for comparing with what a page shows. Signs in as the user
/// over HTTP, as any AIRisk client would (the sandbox exposes no conversation lookup of its own).
/// </summary>
internal static class SandboxConversations
{
    /// <summary>The ids of the user's newest <paramref name="count"/> conversations, newest first.</summary>
    public static async Task<IReadOnlyList<string>> NewestIdsAsync(SandboxHost sandbox, string redirectUri, string userId, int count, CancellationToken ct)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = sandbox.BaseAddress };

        var authorize = QueryHelpers.AddQueryString("api/oauth2", new Dictionary<string, string?>
        {
            ["client_id"] = sandbox.Options.ClientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["userid"] = userId,
        });
        using var redirect = await http.GetAsync(authorize, ct);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var code = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();

        using var tokenResponse = await http.PostAsync("api/oauth2/Token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = sandbox.Options.ClientId,
            ["client_secret"] = sandbox.Options.ClientSecret,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["grant_type"] = "authorization_code",
            ["userid"] = userId,
        }), ct);
        tokenResponse.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(ct));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/Chat/GetConversations?results={count}");
        request.Headers.Authorization = new("Bearer", token.RootElement.GetProperty("access_token").GetString());
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        using var conversations = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return [.. conversations.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
    }
}
