using System.Text;
using AIRisk.Sandbox.Auth;
using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Endpoints.Pipeline;

namespace AIRisk.Sandbox.Endpoints.OAuth;

/// <summary><c>GET /api/oauth2</c>: no login page, an immediate 302 with the code, as live instances behave.</summary>
internal sealed class AuthorizeEndpoint(SandboxState state, ILogger<AuthorizeEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string? userId = query["userid"];
        if (!string.IsNullOrEmpty(userId))
            context.PendingRequest().UserId = Ids.Normalize(userId);

        string? clientId = query["client_id"];
        if (string.IsNullOrEmpty(clientId))
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid client_id");
            return;
        }
        if (!state.IsKnownClient(clientId))
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status401Unauthorized);
            return;
        }

        string? redirectUri = query["redirect_uri"];
        if (string.IsNullOrEmpty(redirectUri) || !state.IsAllowedRedirectUri(redirectUri))
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid redirect_uri");
            return;
        }

        SandboxUser? user = null;
        if (!string.IsNullOrEmpty(userId) && (user = state.Data.FindUser(userId)) is null)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid userid");
            return;
        }

        var now = state.TimeProvider.GetUtcNow();
        var grant = new AuthorizationGrant(state.Options.ClientId, redirectUri, user?.Key, now + state.Options.CodeLifetime);
        var code = state.Codes.Issue(grant, now);
        state.Secrets.Remember(code);
        state.Secrets.Remember(query.TryGetValue("state", out var echoed) ? echoed.ToString() : null);
        logger.CodeIssued(user?.Id, grant.ExpiresAt);

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = Location(redirectUri, code, query.TryGetValue("state", out var sent) ? sent.ToString() : null);
    }

    private static string Location(string redirectUri, string code, string? stateValue)
    {
        var location = new StringBuilder(redirectUri);
        if (!redirectUri.EndsWith('?') && !redirectUri.EndsWith('&'))
            location.Append(redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        location.Append("code=").Append(Uri.EscapeDataString(code));
        // Echoed exactly, including an empty value; left out only when none was sent.
        if (stateValue is not null)
            location.Append("&state=").Append(Uri.EscapeDataString(stateValue));
        return location.ToString();
    }
}
