using System.Net;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Hosting.Telemetry;

/// <summary>
/// <c>/metrics</c> for Prometheus (<c>METRICS_PROMETHEUS=true</c>): answered to a scraper on the node itself (loopback,
/// not forwarded) or to signed-in staff; anyone else is refused. Behind a proxy on the same machine every request
/// comes from loopback: a request a proxy forwarded (it carries <c>X-Forwarded-For</c>, which HAProxy adds) is never
/// taken for a local scraper, whatever spelling of the path got it past the proxy's own deny rule.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void Map(WebApplication app, StaffSignInOptions signIn)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint(Path);
        if (signIn.IsConfigured)
        {
            endpoint.RequireAuthorization(p => p.RequireAssertion(c =>
                (c.Resource is HttpContext http && IsLoopback(http)) || StaffSignInServiceCollectionExtensions.HoldsRole(c.User, signIn.RequiredRole)));
        }
        else
        {
            // Without sign-in the console listens on loopback only; this holds even if that guard were bypassed.
            endpoint.AddEndpointFilter(async (context, next) =>
                IsLoopback(context.HttpContext) ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden));
        }
    }

    private static bool IsLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("X-Original-For");
}
