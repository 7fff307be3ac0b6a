using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Approvals;

/// <summary>
/// Every step of a request on record, each naming the request (detail: <c>request {id}: {why}</c>) and its target, and
/// the session once there is one. The request and break-glass fail closed (not on record: not done); a decision, expiry
/// or withdrawal already stands in the request's row, so a lost record of it is logged instead.
/// </summary>
public sealed partial class ApprovalAudit(IAuditTrail trail, TimeProvider time, ILogger<ApprovalAudit> logger)
{
    /// <exception cref="AuditUnavailableException">Not on record, so not asked.</exception>
    public Task RequestedAsync(ApprovalRequest request, CancellationToken ct) =>
        trail.RecordAsync(Entry(request, AuditAction.ApprovalRequested, AuditOutcome.Requested, request.RequesterId, request.RequesterName, request.Reason), ct);

    public Task DecidedAsync(ApprovalRequest request, StaffMember approver, bool approved, string? note) =>
        BestEffortAsync(Entry(request, AuditAction.ApprovalDecided, approved ? AuditOutcome.Succeeded : AuditOutcome.Refused, approver.Id, approver.Name, note));

    /// <summary>An attempt to decide that was refused (own request, role lost, already decided): on record too.</summary>
    public Task DecisionRefusedAsync(ApprovalRequest request, StaffMember approver, string why) =>
        BestEffortAsync(Entry(request, AuditAction.ApprovalDecided, AuditOutcome.Failed, approver.Id, approver.Name, null) with { Error = why });

    public Task ExpiredAsync(ApprovalRequest request) =>
        BestEffortAsync(Entry(request, AuditAction.ApprovalExpired, AuditOutcome.Succeeded, request.RequesterId, request.RequesterName, null));

    public Task WithdrawnAsync(ApprovalRequest request, string why) =>
        BestEffortAsync(Entry(request, AuditAction.ApprovalWithdrawn, AuditOutcome.Succeeded, request.RequesterId, request.RequesterName, why));

    /// <exception cref="AuditUnavailableException">Not on record, so the act-as does not go on.</exception>
    public Task BreakGlassAsync(ApprovalRequest request, string reason, string sessionId, CancellationToken ct) =>
        trail.RecordAsync(Entry(request, AuditAction.BreakGlass, AuditOutcome.Succeeded, request.RequesterId, request.RequesterName, reason) with { SessionId = sessionId }, ct);

    private AuditEntry Entry(ApprovalRequest request, AuditAction action, AuditOutcome outcome, string staffId, string staffName, string? reason) => new()
    {
        AtUtc = time.GetUtcNow(),
        StaffId = staffId,
        StaffName = staffName,
        Action = action,
        Outcome = outcome,
        TargetUserId = request.TargetUserId,
        TargetUserName = request.TargetUserName,
        Reason = reason,
        Detail = $"request {request.Id} by {request.RequesterName}: {request.Why}" + (request.Ticket is { } ticket ? $" (ticket {ticket})" : ""),
    };

    private async Task BestEffortAsync(AuditEntry entry)
    {
        try
        {
            await trail.RecordAsync(entry, CancellationToken.None);
        }
        catch (AuditUnavailableException e)
        {
            LogNotRecorded(entry.Action, entry.Detail, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Action} could not be recorded ({Detail}): {Reason}")]
    private partial void LogNotRecorded(AuditAction action, string? detail, string reason);
}
