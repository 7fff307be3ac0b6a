namespace AIRisk.Web.Audit;

/// <summary>Append-only record of what staff did while acting as users. There is no update or delete.</summary>
public interface IAuditTrail
{
    /// <summary>Appends <paramref name="entry"/>. Throws <see cref="AuditUnavailableException"/> when it cannot be stored.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken ct);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct);

    /// <summary>Every entry matching <paramref name="query"/> (its paging ignored), newest first, streamed.</summary>
    IAsyncEnumerable<AuditEntry> ExportAsync(AuditQuery query, CancellationToken ct);
}
