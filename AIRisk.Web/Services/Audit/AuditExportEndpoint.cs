using System.Globalization;

namespace AIRisk.Web.Services.Audit;

/// <summary><c>GET /audit/export.csv</c> with the audit page's filters as query parameters.</summary>
internal static class AuditExportEndpoint
{
    public static async Task HandleAsync(HttpContext context, IAuditTrail audit)
    {
        var query = Parse(context.Request.Query);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"airisk-audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body);
        await AuditCsv.WriteAsync(audit.ExportAsync(query, context.RequestAborted), writer, context.RequestAborted);
    }

    public static AuditQuery Parse(IQueryCollection query) => new(
        Staff: query["staff"].FirstOrDefault(),
        Target: query["target"].FirstOrDefault(),
        Outcome: Enum.TryParse<AuditOutcome>(query["outcome"].FirstOrDefault(), ignoreCase: true, out var outcome) ? outcome : null,
        FromUtc: Date(query["from"].FirstOrDefault()),
        ToUtc: Date(query["to"].FirstOrDefault()));

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
