using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AIRisk.Web.StaffSignIn;

/// <summary>What the identity provider's userinfo said of a staff sign-in.</summary>
public enum UserInfoVerdict
{
    /// <summary>The provider answered for the sign-in (its roles, if it lists any, are in the answer).</summary>
    Answered,

    /// <summary>401 or 403: the provider no longer accepts the sign-in (signed out, revoked, account disabled).</summary>
    Refused,
}

/// <summary>
/// The two calls the console makes to the staff identity provider after sign-in: userinfo (who the staff member is
/// now) and the refresh-token grant (a new access token to ask with). Endpoints come from the provider's discovery
/// document, as the sign-in handler reads it. Network failures and 5xx answers throw <see cref="HttpRequestException"/>.
/// </summary>
public sealed class StaffIdentityProvider(IOptionsMonitor<OpenIdConnectOptions> oidc, StaffSignInOptions options, IHttpClientFactory http, TimeProvider time)
{
    public const string ClientName = "staff-identity-provider";

    /// <returns>The verdict, and whom the provider answered for with the roles it listed (<c>null</c> when refused).</returns>
    public async Task<(UserInfoVerdict Verdict, StaffClaims? Claims)> UserInfoAsync(string accessToken, CancellationToken ct)
    {
        var configuration = await ConfigurationAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, configuration.UserInfoEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.CreateClient(ClientName).SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return (UserInfoVerdict.Refused, null);
        response.EnsureSuccessStatusCode();
        // A userinfo answered as a signed JWT (application/jwt) is not read: it fails here and counts as unconfirmed.
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        // Without its sub nobody can tell whom the answer is about (OpenID Connect requires it): unconfirmed.
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String)
            throw new HttpRequestException("The identity provider's userinfo answer names no subject (sub).");
        return (UserInfoVerdict.Answered, new StaffClaims(sub.GetString()!, RolesOf(answer)));
    }

    /// <returns>
    /// The sign-in with a new access token (and the new refresh token, if the provider rotates them); <c>null</c> when
    /// the provider refuses the grant itself (<c>invalid_grant</c>: the refresh token expired or was revoked, the
    /// account disabled). Any other failure (a 5xx, a 429, the client's own credentials refused) throws: it says
    /// nothing of the sign-in, and counts as unconfirmed.
    /// </returns>
    public async Task<StaffSignInGrant?> RefreshAsync(StaffSignInGrant signIn, CancellationToken ct)
    {
        var configuration = await ConfigurationAsync(ct);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = signIn.RefreshToken ?? throw new InvalidOperationException("The sign-in has no refresh token."),
            ["client_id"] = options.ClientId!,
        };
        // As the sign-in handler authenticates (client_secret_post); a public client sends none.
        if (!string.IsNullOrEmpty(options.ClientSecret))
            form["client_secret"] = options.ClientSecret;
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.CreateClient(ClientName).PostAsync(configuration.TokenEndpoint, content, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest && await ErrorOfAsync(response, ct) == "invalid_grant")
            return null;
        response.EnsureSuccessStatusCode();
        var answer = new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(ct));
        if (string.IsNullOrEmpty(answer.AccessToken))
            throw new HttpRequestException("The identity provider answered the refresh without an access token.");
        var now = time.GetUtcNow();
        return signIn with
        {
            AccessToken = answer.AccessToken,
            RefreshToken = string.IsNullOrEmpty(answer.RefreshToken) ? signIn.RefreshToken : answer.RefreshToken,
            ExpiresAt = ExpiresAt(answer.ExpiresIn, now),
            RefreshedIdToken = string.IsNullOrEmpty(answer.IdToken) ? null : ClaimsOf(answer.IdToken, configuration),
        };
    }

    /// <summary>When an access token given <paramref name="now"/> with <c>expires_in</c> = <paramref name="expiresIn"/> expires.</summary>
    public static DateTimeOffset? ExpiresAt(string? expiresIn, DateTimeOffset now) =>
        int.TryParse(expiresIn, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? now.AddSeconds(seconds) : null;

    private static async Task<string?> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task<OpenIdConnectConfiguration> ConfigurationAsync(CancellationToken ct) =>
        oidc.Get(OpenIdConnectDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(ct);

    /// <summary>
    /// The subject and roles of an id token that came straight from the token endpoint over the connection this
    /// client verified (which OpenID Connect accepts in place of its signature), meant for this client and issuer.
    /// </summary>
    private StaffClaims ClaimsOf(string idToken, OpenIdConnectConfiguration configuration)
    {
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(idToken);
        }
        catch (ArgumentException e)
        {
            throw new HttpRequestException("The identity provider's refreshed id token cannot be read.", e);
        }

        if (!token.Audiences.Contains(options.ClientId) || (configuration.Issuer is { Length: > 0 } issuer && token.Issuer != issuer) || string.IsNullOrEmpty(token.Subject))
            throw new HttpRequestException("The identity provider's refreshed id token is not this console's (audience, issuer or subject).");
        var types = StaffMember.RoleClaimTypes;
        HashSet<string>? roles = token.Claims.Any(c => types.Contains(c.Type))
            ? token.Claims.Where(c => types.Contains(c.Type)).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        return new StaffClaims(token.Subject, roles);
    }

    private static HashSet<string>? RolesOf(JsonElement userInfo)
    {
        HashSet<string>? roles = null;
        foreach (var type in StaffMember.RoleClaimTypes.Where(t => t != ClaimTypes.Role))
        {
            if (userInfo.ValueKind != JsonValueKind.Object || !userInfo.TryGetProperty(type, out var value))
                continue;
            roles ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (value.ValueKind == JsonValueKind.String)
                roles.Add(value.GetString()!);
            else if (value.ValueKind == JsonValueKind.Array)
                roles.UnionWith(value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
        }

        return roles;
    }
}
