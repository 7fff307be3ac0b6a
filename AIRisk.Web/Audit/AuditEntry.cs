namespace AIRisk.Web.Audit;

/// <summary>One line of the audit trail. Never holds a token, code, secret or state.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }

    public required DateTimeOffset AtUtc { get; init; }

    public required string StaffId { get; init; }

    public required string StaffName { get; init; }

    public required AuditAction Action { get; init; }

    public required AuditOutcome Outcome { get; init; }

    public string? TargetUserId { get; init; }

    public string? TargetUserName { get; init; }

    public string? Reason { get; init; }

    /// <summary>What was written (for <see cref="AuditAction.Write"/>) or why it ended (for <see cref="AuditAction.Expire"/>).</summary>
    public string? Detail { get; init; }

    public string? Error { get; init; }

    /// <summary>The acting session this happened in, if any: its records read as one timeline.</summary>
    public string? SessionId { get; init; }

    /// <summary>The staff member's client address as the node saw it when their tab's circuit started (session starts).</summary>
    public string? ClientIp { get; init; }

    /// <summary>The staff member's browser as it named itself when the circuit started (session starts).</summary>
    public string? UserAgent { get; init; }

    /// <summary>The record's place in the hash chain, once stored (0 before).</summary>
    public long Seq { get; init; }

    /// <summary>The record of <paramref name="staff"/> reading the audit trail itself (the page, an export).</summary>
    public static AuditEntry Read(StaffSignIn.StaffMember staff, string detail, DateTimeOffset at) => new()
    {
        AtUtc = at,
        StaffId = staff.Id,
        StaffName = staff.Name,
        Action = AuditAction.AuditRead,
        Outcome = AuditOutcome.Succeeded,
        Detail = detail,
    };
}
