using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Approvals;

/// <summary>
/// The approver's side, one per circuit: approve or deny a request with a note. The approver role is checked from the
/// staff member as revalidated last, at the moment of deciding (one who lost it cannot decide, and the request stays
/// open for the others); the store refuses the requester's own request and any request already decided or expired.
/// </summary>
public sealed class ApprovalDesk(IApprovalStore store, ApprovalAudit audit, ApprovalRule rule, ApprovalFeed feed, IOptions<ApprovalOptions> options, StaffContext staff, TimeProvider time)
{
    /// <returns>What staff are told: the decision taken, or why it was not.</returns>
    public async Task<(ApprovalDecision Decision, string Message)> DecideAsync(ApprovalRequest request, bool approve, string? note, CancellationToken ct)
    {
        var approver = staff.Current;
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var refusal = !rule.IsApprover(approver) ? $"you do not hold the approver role '{options.Value.ApproverRole}' (now)"
            : !approve && note is null ? "a denial needs a note for the requester"
            : null;
        if (refusal is not null)
        {
            await audit.DecisionRefusedAsync(request, approver, refusal);
            return (ApprovalDecision.NotAllowed, refusal);
        }

        var now = time.GetUtcNow();
        var decision = await store.DecideAsync(request.Id, approver, approve, note, now, now + options.Value.ValidFor, ct);
        var message = decision switch
        {
            ApprovalDecision.Decided => approve ? $"Approved: {request.RequesterName} may act as {request.TargetUserName}." : $"Denied: {request.RequesterName} was told why.",
            ApprovalDecision.OwnRequest => "Nobody approves their own request: another approver decides it.",
            ApprovalDecision.Expired => "The request expired before it was decided.",
            ApprovalDecision.NotFound => "No such request.",
            _ => "Someone decided the request first (or it was withdrawn).",
        };
        if (decision == ApprovalDecision.Decided)
            await audit.DecidedAsync(request, approver, approve, note);
        else
            await audit.DecisionRefusedAsync(request, approver, message);
        await feed.RefreshAsync(CancellationToken.None);
        return (decision, message);
    }
}
