namespace AIRisk.Web.Audit;

/// <summary>Filters of the audit page and export; all optional. Text filters match anywhere, ignoring case.</summary>
public sealed record AuditQuery(
    string? Staff = null,
    string? Target = null,
    AuditOutcome? Outcome = null,
    DateTimeOffset? FromUtc = null,
    DateTimeOffset? ToUtc = null,
    int Skip = 0,
    int Take = 50)
{
    /// <summary>One acting session's records only (its timeline).</summary>
    public string? SessionId { get; init; }

    /// <summary>The records of the sessions started for this ticket, and of the attempts refused for it.</summary>
    public string? Ticket { get; init; }
}
