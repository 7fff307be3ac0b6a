using System.Security.Cryptography;
using System.Text;
using AIRisk.Sandbox.Auth;
using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Endpoints.Contracts;
using AIRisk.Sandbox.Endpoints.Pipeline;

namespace AIRisk.Sandbox.Endpoints.OAuth;

/// <summary><c>POST /api/oauth2/Token</c>: trades a code for a token bound to the code's user (or none).</summary>
internal sealed class TokenEndpoint(SandboxState state, ILogger<TokenEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        // A Bearer header is accepted and ignored here: one admin page sends the generic token on this call.
        var fields = await TokenRequestReader.ReadAsync(context.Request, context.RequestAborted);
        var userId = fields.GetValueOrDefault("userid");
        if (!string.IsNullOrEmpty(userId))
            context.PendingRequest().UserId = Ids.Normalize(userId);

        var clientId = fields.GetValueOrDefault("client_id");
        var secret = fields.GetValueOrDefault("client_secret");
        var code = fields.GetValueOrDefault("code");
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(code))
        {
            await RefuseAsync(context, "missing parameter", "Invalid client_id");
            return;
        }
        if (!state.IsKnownClient(clientId) || !SecretMatches(secret))
        {
            logger.TokenRefused("unknown client or wrong secret");
            await SandboxResults.ProblemAsync(context, StatusCodes.Status401Unauthorized);
            return;
        }

        var now = state.TimeProvider.GetUtcNow();
        var grant = state.Codes.Redeem(code, now);
        if (grant is null || !string.Equals(grant.ClientId, clientId, StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, "code unknown, used or expired", "Invalid Code");
            return;
        }

        // The live client leaves redirect_uri out, so only a different one is refused.
        var redirectUri = fields.GetValueOrDefault("redirect_uri");
        if (!string.IsNullOrEmpty(redirectUri) && !string.Equals(redirectUri, grant.RedirectUri, StringComparison.Ordinal))
        {
            await RefuseAsync(context, "redirect_uri differs from the authorization request", "Invalid redirect_uri");
            return;
        }

        var sameUser = string.IsNullOrEmpty(userId)
            ? grant.UserId is null
            : Guid.TryParse(userId, out var requested) && grant.UserId == requested;
        if (!sameUser)
        {
            await RefuseAsync(context, "userid differs from the authorization request", "Invalid userid");
            return;
        }

        var grantType = fields.GetValueOrDefault("grant_type");
        if (!string.IsNullOrEmpty(grantType) && grantType != "authorization_code")
        {
            await RefuseAsync(context, "unsupported grant_type", "Invalid grant_type");
            return;
        }

        // Whole seconds, so the advertised expiration is exactly when the token stops working.
        var expiresAt = WholeSeconds(now + state.Options.TokenLifetime);
        var access = new AccessGrant(state.Options.ClientId, grant.UserId, expiresAt);
        var token = state.Tokens.Issue(access, now);
        state.Secrets.Remember(token);
        logger.TokenIssued(access.Kind, grant.UserId is { } id ? Ids.Format(id) : null, expiresAt);

        context.Response.Headers.CacheControl = "no-store";
        await SandboxResults.JsonAsync(context, new TokenResponse(token, SandboxJson.UtcSeconds(expiresAt)));
    }

    private Task RefuseAsync(HttpContext context, string reason, string body)
    {
        logger.TokenRefused(reason);
        return SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, body);
    }

    private bool SecretMatches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(state.Options.ClientSecret));

    private static DateTimeOffset WholeSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
