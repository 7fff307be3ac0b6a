using System.Net;
using System.Net.Http.Headers;
using AIRisk.Core.Api;
using AIRisk.Core.Configuration;
using AIRisk.Core.Telemetry;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIRisk.Core.Auth;

/// <summary>
/// The two HTTP steps of AIRisk's authorization-code flow. Its <see cref="HttpClient"/> does not follow redirects,
/// so the code can be read from the authorize response's <c>Location</c> header.
/// </summary>
public sealed partial class AIRiskOAuthClient(HttpClient http, IOptions<AIRiskOptions> options, TimeProvider time, ILogger<AIRiskOAuthClient> logger)
{
    private readonly AIRiskOptions _options = options.Value;

    /// <summary>The authorize URL for a flow; <paramref name="userId"/> makes it user-specific.</summary>
    public Uri BuildAuthorizeUri(string? userId, string state)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = _options.ClientId,
            ["redirect_uri"] = _options.RedirectUri,
            ["response_type"] = "code",
            ["state"] = state,
        };
        if (userId is not null)
            query["userid"] = userId;
        return new Uri(_options.BaseUrl!, QueryHelpers.AddQueryString(AIRiskPaths.Authorize, query));
    }

    /// <summary>Sends the authorize GET and reads <c>code</c>, <c>state</c> and <c>error</c> from the redirect.</summary>
    public async Task<AuthorizeRedirect> AuthorizeAsync(Uri authorizeUri, AccessToken? bearer, CancellationToken ct)
    {
        using var span = ConsoleTelemetry.Source.StartActivity("airisk.authorize");
        using var request = new HttpRequestMessage(HttpMethod.Get, authorizeUri);
        Attach(request, bearer);

        using var response = await SendAsync(request, "Authorization", ct);
        if (response.StatusCode is >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(authorizeUri, location);
            var query = QueryHelpers.ParseQuery(target.Query);
            return new AuthorizeRedirect(First(query, "code"), First(query, "state"), First(query, "error_description") ?? First(query, "error"));
        }

        if (response.IsSuccessStatusCode)
        {
            throw new AIRiskAuthException(
                $"Authorization failed: AIRisk answered {(int)response.StatusCode} with a page instead of redirecting with a code. " +
                $"If this tenant shows a sign-in page, set {AIRiskKeys.AuthMode}=browser.",
                (int)response.StatusCode, null, null);
        }

        // 401 is the documented answer to an unknown client_id.
        var failure = await ErrorResponseReader.ReadAsync(response, "Authorization", ct);
        throw failure.StatusCode == 401 ? CredentialsFailure(failure, $"Check {AIRiskKeys.ClientId}: the client id of the APIUser.") : AsAuthFailure(failure);
    }

    /// <summary>Exchanges a single-use code for a token. Never retried: a code cannot be used twice.</summary>
    public async Task<AccessToken> ExchangeAsync(string code, string? userId, AccessToken? bearer, CancellationToken ct)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("client_id", _options.ClientId),
            new("client_secret", _options.ClientSecret),
            new("code", code),
            new("grant_type", "authorization_code"),
        };
        if (_options.SendRedirectUriOnToken)
            fields.Add(new("redirect_uri", _options.RedirectUri));
        if (userId is not null)
            fields.Add(new("userid", userId));

        using var span = ConsoleTelemetry.Source.StartActivity("airisk.token");
        using var request = new HttpRequestMessage(HttpMethod.Post, AIRiskPaths.Token) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.Add(MediaTypes.Json);
        Attach(request, bearer);

        using var response = await SendAsync(request, "Token exchange", ct);
        if (!response.IsSuccessStatusCode)
        {
            var failure = await ErrorResponseReader.ReadAsync(response, "Token exchange", ct);
            throw RefusesClient(failure)
                ? CredentialsFailure(failure, $"Check {AIRiskKeys.ClientId} and {AIRiskKeys.ClientSecret}: the client id and secret of the APIUser.")
                : AsAuthFailure(failure);
        }

        var token = await TokenResponseReader.ReadAsync(response.Content, userId, time.GetUtcNow(), TimeSpan.FromSeconds(_options.AssumedTokenLifetimeSeconds), ct);
        LogTokenIssued(userId ?? "(generic)", token.ExpiresAt);
        return token;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string operation, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (Exception e) when (ErrorResponseReader.IsTransportFailure(e, ct))
        {
            throw AsAuthFailure(ErrorResponseReader.FromTransport(e, operation, _options.Timeout));
        }
    }

    private static void Attach(HttpRequestMessage request, AccessToken? bearer)
    {
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer.Value);
    }

    private static string? First(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string key) =>
        query.TryGetValue(key, out var values) && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    // A wrong secret is undocumented: 401 (the sandbox; also a bad client id), or a 400 naming the client ("Invalid
    // client_id", OAuth's "invalid_client"). Other 400s ("Invalid Code", "Invalid redirect_uri") are not the credentials.
    private static bool RefusesClient(AIRiskApiException failure) =>
        failure.StatusCode == 401
        || (failure.StatusCode == 400 && failure.ServerMessage?.Contains("client", StringComparison.OrdinalIgnoreCase) == true);

    private static AIRiskAuthException CredentialsFailure(AIRiskApiException failure, string advice) =>
        new($"{failure.Message} {advice}", failure.StatusCode, failure.ServerMessage, failure.TraceId, failure.InnerException) { CredentialsRefused = true };

    private static AIRiskAuthException AsAuthFailure(AIRiskApiException failure) =>
        new(failure.Message, failure.StatusCode, failure.ServerMessage, failure.TraceId, failure.InnerException);

    [LoggerMessage(Level = LogLevel.Information, Message = "AIRisk issued a token for {UserId}, expiring {ExpiresAt:O}")]
    private partial void LogTokenIssued(string userId, DateTimeOffset expiresAt);
}
