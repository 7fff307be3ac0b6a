using AIRisk.Web.Audit;
using AIRisk.Web.Cluster;

namespace AIRisk.Web.Hosting;

/// <summary>
/// Without staff sign-in the console is one person's tool on one machine, and the loopback checks are its only gate.
/// A proxy in front of it (every request then arrives from loopback, with whatever <c>Host</c> the client chose) or
/// nodes sharing a database and a cache are a deployment for several people: there, without sign-in, whoever reaches
/// the proxy is the operator. The keys that only such a deployment sets therefore stop a start without sign-in.
/// </summary>
internal static class LocalModeGuard
{
    /// <summary>Keys that only make sense for a shared deployment: behind a proxy, or one of several nodes.</summary>
    public static IReadOnlyList<string> SharedDeploymentKeys { get; } =
    [
        ForwardedProxies.Key,
        AuditOptions.PostgresConnectionKey,
        ClusterOptions.RedisConnectionKey,
        KeyRingCertificate.PathKey,
        KeyRingCertificate.PasswordKey,
    ];

    /// <returns>The shared-deployment keys that are set (names only: their values may hold passwords).</returns>
    public static IReadOnlyList<string> SharedDeploymentKeysSet(IConfiguration configuration) =>
        [.. SharedDeploymentKeys.Where(key => !string.IsNullOrWhiteSpace(configuration[key]))];

    public static string Describe(IReadOnlyList<string> keys) =>
        $"AIRisk Console refuses to start without staff sign-in while {string.Join(", ", keys)} {(keys.Count == 1 ? "is" : "are")} set: " +
        "these are for a console behind a proxy or on several nodes, where without sign-in anyone who reaches the proxy " +
        "would be the operator. Configure staff sign-in (OPERATOR_OIDC_AUTHORITY, OPERATOR_OIDC_CLIENT_ID, " +
        "OPERATOR_OIDC_CLIENT_SECRET and OPERATOR_ROLE; see README, Security), or unset " +
        (keys.Count == 1 ? "it" : "them") + " to run the console for one person on this machine.";
}
