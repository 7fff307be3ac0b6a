namespace AIRisk.Web.Audit;

/// <summary>One acting session as stored (see <see cref="AuditDbContext"/>); times are UTC ticks.</summary>
internal sealed class ActingSessionRow
{
    public string Id { get; set; } = "";

    public string StaffId { get; set; } = "";

    public string StaffName { get; set; } = "";

    public string TargetUserId { get; set; } = "";

    public string TargetUserName { get; set; } = "";

    public string? TargetRole { get; set; }

    public string? TargetEmail { get; set; }

    public string? Reason { get; set; }

    public long StartedUtcTicks { get; set; }

    public long LastActivityUtcTicks { get; set; }

    public long? EndedUtcTicks { get; set; }

    public string? EndCause { get; set; }
}
