namespace AIRisk.Web.Approvals;

/// <summary>Where a request stands. Only <see cref="Open"/> changes, once.</summary>
public enum ApprovalStatus
{
    Open,
    Approved,
    Denied,
    Expired,
    Withdrawn,

    /// <summary>Nobody answered in time and the requester proceeded alone, with a written reason.</summary>
    BreakGlass,
}
