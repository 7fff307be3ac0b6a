namespace AIRisk.Web.Approvals;

/// <summary>The approval (or break-glass) covering this tab's act-as of one target, until <paramref name="Until"/>.</summary>
public sealed record ApprovalGrant(string TargetUserId, DateTimeOffset Until);
