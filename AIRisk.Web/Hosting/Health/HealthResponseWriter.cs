using System.Text.Json;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AIRisk.Web.Hosting.Health;

/// <summary>
/// <c>/healthz</c> as JSON: the overall status for anyone (load balancers); each check's status and description
/// (AIRisk's errors, the audit trail's size) only for signed-in staff who hold the console's role or, without sign-in,
/// the local operator.
/// </summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        // The console's own role check, on the roles revalidation last confirmed (the staff cookie carries them): a
        // person signed in but refused the console sees what anybody sees.
        var signIn = context.RequestServices.GetRequiredService<StaffSignInOptions>();
        var staff = !signIn.IsConfigured || StaffSignInServiceCollectionExtensions.HoldsRole(context.User, signIn.RequiredRole);
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
