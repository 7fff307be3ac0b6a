namespace AIRisk.Web.Approvals;

/// <summary>What the requester's tab shows while it waits: the request, and whether break-glass may be used yet.</summary>
/// <param name="BreakGlassFrom">When the requester may proceed alone; <c>null</c>: never (<c>APPROVAL_BREAK_GLASS_MINUTES</c> unset).</param>
/// <param name="BreakGlassOpen">Whether that time has come.</param>
/// <param name="Problem">Why the last break-glass attempt was refused, shown beside its field.</param>
public sealed record ApprovalWait(ApprovalRequest Request, DateTimeOffset? BreakGlassFrom, bool BreakGlassOpen = false, string? Problem = null);
