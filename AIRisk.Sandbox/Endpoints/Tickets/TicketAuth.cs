using System.Security.Cryptography;
using System.Text;

namespace AIRisk.Sandbox.Endpoints.Tickets;

/// <summary>
/// The ticket APIs' basic authentication, checked against the sandbox's ticket credentials: Zendesk's API token form
/// <c>{email}/token:{api_token}</c>, Jira's <c>{email}:{api_token}</c>.
/// </summary>
internal static class TicketAuth
{
    public static bool IsZendesk(HttpContext context, SandboxOptions options) =>
        Matches(context, $"{options.TicketEmail}/token:{options.TicketApiToken}");

    public static bool IsJira(HttpContext context, SandboxOptions options) => Matches(context, $"{options.TicketEmail}:{options.TicketApiToken}");

    private static bool Matches(HttpContext context, string expected) =>
        Credentials(context) is { } given && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static string? Credentials(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
