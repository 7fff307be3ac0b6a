using System.Globalization;
using System.Text;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Audit;

/// <summary>
/// <c>GET /audit/export.csv</c> with the audit page's filters as query parameters. Only auditors may export (see
/// <see cref="AuditOptions.AuditorRole"/>); the export is itself recorded before it is sent, and never cached.
/// </summary>
internal static class AuditExportEndpoint
{
    public static async Task HandleAsync(HttpContext context, IAuditTrail audit, StaffSignInOptions signIn, AuditOptions options, TimeProvider time)
    {
        var staff = signIn.IsConfigured ? StaffMember.FromPrincipal(context.User) : StaffMember.LocalOperator;
        if (options.ReadRefusal(staff) is { } refusal)
        {
            await PlainAsync(context, StatusCodes.Status403Forbidden, refusal);
            return;
        }

        if (Parse(context.Request.Query, out var problem) is not { } query)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, problem!);
            return;
        }

        try
        {
            await audit.RecordAsync(AuditEntry.Read(staff, $"exported CSV{context.Request.QueryString}", time.GetUtcNow()), context.RequestAborted);
        }
        catch (AuditUnavailableException e)
        {
            await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, e.Message);
            return;
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"airisk-audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
        // With a byte order mark, spreadsheet programs read the names (Zoë, 山田) as UTF-8.
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await AuditCsv.WriteAsync(audit.ExportAsync(query, context.RequestAborted), writer, context.RequestAborted);
    }

    /// <returns>The query, or <c>null</c> with <paramref name="problem"/> saying which parameter is malformed.</returns>
    public static AuditQuery? Parse(IQueryCollection query, out string? problem)
    {
        problem = null;
        AuditOutcome? outcome = null;
        if (query["outcome"].FirstOrDefault() is { Length: > 0 } outcomeText)
        {
            if (!Enum.TryParse<AuditOutcome>(outcomeText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                problem = $"'outcome' must be one of {string.Join(", ", Enum.GetNames<AuditOutcome>())} (got '{outcomeText}').";
                return null;
            }

            outcome = parsed;
        }

        if (!TryDate(query, "from", out var from, ref problem) || !TryDate(query, "to", out var to, ref problem))
            return null;
        return new AuditQuery(query["staff"].FirstOrDefault(), query["target"].FirstOrDefault(), outcome, from, to)
        {
            SessionId = query["session"].FirstOrDefault() is { Length: > 0 } session ? session : null,
            Ticket = query["ticket"].FirstOrDefault() is { Length: > 0 } ticket ? ticket : null,
        };
    }

    private static bool TryDate(IQueryCollection query, string name, out DateTimeOffset? date, ref string? problem)
    {
        date = null;
        if (query[name].FirstOrDefault() is not { Length: > 0 } text)
            return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = parsed;
            return true;
        }

        problem = $"'{name}' must be a date and time in ISO 8601, e.g. 2026-11-28T00:00:00Z (got '{text}').";
        return false;
    }

    private static async Task PlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }
}
