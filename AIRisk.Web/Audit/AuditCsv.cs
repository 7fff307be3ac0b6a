using System.Globalization;

namespace AIRisk.Web.Audit;

/// <summary>Writes audit entries as RFC 4180 CSV. Cells that a spreadsheet would run as a formula are defused.</summary>
public static class AuditCsv
{
    public const string Header = "id,at_utc,staff_id,staff_name,action,outcome,target_user_id,target_user_name,reason,detail,error,session_id,client_ip,user_agent";

    public static async Task WriteAsync(IAsyncEnumerable<AuditEntry> entries, TextWriter writer, CancellationToken ct)
    {
        await writer.WriteLineAsync(Header);
        await foreach (var e in entries.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',',
                e.Id.ToString(CultureInfo.InvariantCulture),
                e.AtUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                Cell(e.StaffId), Cell(e.StaffName), e.Action.ToString(), e.Outcome.ToString(),
                Cell(e.TargetUserId), Cell(e.TargetUserName), Cell(e.Reason), Cell(e.Detail), Cell(e.Error), Cell(e.SessionId),
                Cell(e.ClientIp), Cell(e.UserAgent)));
        }
    }

    /// <summary>One CSV cell: quoted when needed, and prefixed with <c>'</c> when a spreadsheet would run it as a formula.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
