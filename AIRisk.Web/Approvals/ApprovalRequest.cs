using AIRisk.Web.Audit.Approvals;

namespace AIRisk.Web.Approvals;

/// <summary>A request for a second person, as approvers and its requester see it.</summary>
public sealed record ApprovalRequest(
    string Id,
    string RequesterId,
    string RequesterName,
    string TargetUserId,
    string TargetUserName,
    IReadOnlyList<string> TargetRoles,
    string Why,
    string? Reason,
    string? Ticket,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    ApprovalStatus Status,
    string? DecidedById = null,
    string? DecidedByName = null,
    string? Note = null,
    DateTimeOffset? DecidedAt = null,
    DateTimeOffset? ValidUntil = null)
{
    /// <summary>How <see cref="Status"/> is stored: <c>break-glass</c>, <c>open</c>.</summary>
    public static string StatusText(ApprovalStatus status) => status == ApprovalStatus.BreakGlass ? "break-glass" : status.ToString().ToLowerInvariant();

    internal static ApprovalRequest FromRow(ApprovalRequestRow row) => new(
        row.Id, row.RequesterId, row.RequesterName, row.TargetUserId, row.TargetUserName,
        row.TargetRoles is { Length: > 0 } roles ? roles.Split(',') : [],
        row.Why, row.Reason, row.Ticket, At(row.CreatedUtcTicks), At(row.ExpiresUtcTicks),
        Enum.GetValues<ApprovalStatus>().First(s => StatusText(s) == row.Status),
        row.DecidedById, row.DecidedByName, row.Note,
        row.DecidedUtcTicks is { } decided ? At(decided) : null,
        row.ValidUntilUtcTicks is { } valid ? At(valid) : null);

    internal ApprovalRequestRow ToRow() => new()
    {
        Id = Id,
        RequesterId = RequesterId,
        RequesterName = RequesterName,
        TargetUserId = TargetUserId,
        TargetUserName = TargetUserName,
        TargetRoles = TargetRoles.Count > 0 ? string.Join(',', TargetRoles) : null,
        Why = Why,
        Reason = Reason,
        Ticket = Ticket,
        CreatedUtcTicks = Created.UtcTicks,
        ExpiresUtcTicks = Expires.UtcTicks,
        Status = StatusText(Status),
    };

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
