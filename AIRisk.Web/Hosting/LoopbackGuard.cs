using System.Net;

namespace AIRisk.Web.Hosting;

/// <summary>
/// Without staff sign-in anyone who can reach the dashboard could act as any AIRisk user, so it may then listen on
/// loopback only. Checks the configured URLs before start and the bound addresses after.
/// </summary>
internal static class LoopbackGuard
{
    public const string Advice =
        "Without staff sign-in, AIRisk Console listens on loopback only (localhost, 127.0.0.1, [::1]). " +
        "To serve it to others, configure OpenID Connect sign-in: OPERATOR_OIDC_AUTHORITY, OPERATOR_OIDC_CLIENT_ID, " +
        "OPERATOR_OIDC_CLIENT_SECRET and OPERATOR_ROLE (see README, Security).";

    /// <returns>The configured addresses that are not loopback.</returns>
    public static IReadOnlyList<string> NonLoopbackConfigured(IConfiguration configuration)
    {
        var urls = new List<string>();
        urls.AddRange(Split(configuration["urls"]));
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        var offending = urls.Where(u => !IsLoopback(u)).ToList();
        // HTTP_PORTS / HTTPS_PORTS bind every interface.
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            if (!string.IsNullOrWhiteSpace(configuration[key]) && string.IsNullOrWhiteSpace(configuration["urls"]))
                offending.Add($"{key.ToUpperInvariant()}={configuration[key]} (all interfaces)");
        }

        return offending;
    }

    public static bool IsLoopback(string url)
    {
        var host = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        host = host.Split('/')[0];
        if (host.StartsWith('['))
            host = host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)];
        else if (host.LastIndexOf(':') is var colon and > 0)
            host = host[..colon];
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static string[] Split(string? urls) =>
        string.IsNullOrWhiteSpace(urls) ? [] : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
