namespace AIRisk.Web.Audit;

/// <summary>The table row. Times are stored as UTC ticks so that SQLite orders and filters them correctly.</summary>
internal sealed class AuditRow
{
    public long Id { get; set; }

    public long AtUtcTicks { get; set; }

    public string StaffId { get; set; } = "";

    public string StaffName { get; set; } = "";

    public string Action { get; set; } = "";

    public string Outcome { get; set; } = "";

    public string? TargetUserId { get; set; }

    public string? TargetUserName { get; set; }

    public string? Reason { get; set; }

    public string? Detail { get; set; }

    public string? Error { get; set; }

    public string? SessionId { get; set; }

    /// <summary>The staff member's client address, on a session's start record.</summary>
    public string? ClientIp { get; set; }

    /// <summary>The staff member's browser (User-Agent), on a session's start record.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The record's place in the hash chain: 1, 2, 3, … with no gap, in commit order.</summary>
    public long Seq { get; set; }

    /// <summary>The previous record's <see cref="Hash"/> (64 zeros before the first), lower-case hex.</summary>
    public string? PrevHash { get; set; }

    /// <summary>SHA-256 of the previous hash's bytes and this record's encoding (<see cref="Chain.AuditChainEncoding"/>), lower-case hex.</summary>
    public string? Hash { get; set; }

    public static AuditRow From(AuditEntry e) => new()
    {
        AtUtcTicks = e.AtUtc.UtcTicks,
        StaffId = e.StaffId,
        StaffName = e.StaffName,
        Action = e.Action.ToString(),
        Outcome = e.Outcome.ToString(),
        TargetUserId = e.TargetUserId,
        TargetUserName = e.TargetUserName,
        Reason = e.Reason,
        Detail = e.Detail,
        Error = e.Error,
        SessionId = e.SessionId,
        ClientIp = e.ClientIp,
        UserAgent = e.UserAgent,
    };

    public AuditEntry ToEntry() => new()
    {
        Id = Id,
        AtUtc = new DateTimeOffset(AtUtcTicks, TimeSpan.Zero),
        StaffId = StaffId,
        StaffName = StaffName,
        Action = Enum.Parse<AuditAction>(Action),
        Outcome = Enum.Parse<AuditOutcome>(Outcome),
        TargetUserId = TargetUserId,
        TargetUserName = TargetUserName,
        Reason = Reason,
        Detail = Detail,
        Error = Error,
        SessionId = SessionId,
        ClientIp = ClientIp,
        UserAgent = UserAgent,
        Seq = Seq,
    };
}
