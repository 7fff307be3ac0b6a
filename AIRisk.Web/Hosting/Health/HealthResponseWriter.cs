using System.Text.Json;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AIRisk.Web.Hosting.Health;

/// <summary>
/// <c>/healthz</c> as JSON: the overall status for anyone (load balancers); each check's status and description
/// (AIRisk's errors, the audit trail's size) only for signed-in staff or, without sign-in, the local operator.
/// </summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var staff = !context.RequestServices.GetRequiredService<StaffSignInOptions>().IsConfigured
            || context.User.Identity?.IsAuthenticated == true;
        object body = staff
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
