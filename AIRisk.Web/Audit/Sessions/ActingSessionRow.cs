namespace AIRisk.Web.Audit.Sessions;

/// <summary>One acting session as stored (see <see cref="AuditDbContext"/>); times are UTC ticks.</summary>
internal sealed class ActingSessionRow
{
    public string Id { get; set; } = "";

    public string StaffId { get; set; } = "";

    public string StaffName { get; set; } = "";

    public string TargetUserId { get; set; } = "";

    public string TargetUserName { get; set; } = "";

    public string? TargetRole { get; set; }

    /// <summary>Every role the target had when the session started, one per line.</summary>
    public string? TargetRoles { get; set; }

    public string? TargetEmail { get; set; }

    public string? Reason { get; set; }

    /// <summary>The support ticket the session was started for (Zendesk id or Jira key).</summary>
    public string? Ticket { get; set; }

    public long StartedUtcTicks { get; set; }

    public long LastActivityUtcTicks { get; set; }

    public long? EndedUtcTicks { get; set; }

    public string? EndCause { get; set; }

    /// <summary>The circuit (tab, on any node) that holds the session.</summary>
    public string? LeaseCircuit { get; set; }

    public bool LeaseConnected { get; set; }

    /// <summary>When the holder was last seen: its node refreshes this while the tab is open.</summary>
    public long? LeaseSeenUtcTicks { get; set; }
}
