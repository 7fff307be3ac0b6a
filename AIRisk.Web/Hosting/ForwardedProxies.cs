using System.Net;

namespace AIRisk.Web.Hosting;

/// <summary><c>FORWARDED_PROXIES</c>: the addresses of the proxies whose <c>X-Forwarded-*</c> headers are believed.</summary>
public static class ForwardedProxies
{
    public const string Key = "FORWARDED_PROXIES";

    /// <exception cref="InvalidOperationException">An entry is not an IP address.</exception>
    public static IReadOnlyList<IPAddress> From(IConfiguration configuration) =>
        [.. (configuration[Key] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{Key} must list IP addresses separated by commas (got '{text}')."))];
}
