namespace AIRisk.Web.Approvals;

/// <summary>How a wait for a second person ended, and what the requester is told when it does not go on.</summary>
/// <param name="Status">Approved or BreakGlass: the act-as goes on; Denied, Expired, Withdrawn: it stops.</param>
/// <param name="RequestId">The request it ended; for a standing approval, the earlier request that covers it.</param>
/// <param name="By">Who decided (an approver), when someone did.</param>
/// <param name="Note">The approver's note, or the break-glass reason.</param>
/// <param name="ValidUntil">Until when the act-as is covered (approved or break-glass).</param>
public sealed record ApprovalOutcome(ApprovalStatus Status, string RequestId, string? By = null, string? Note = null, DateTimeOffset? ValidUntil = null)
{
    public bool Proceeds => Status is ApprovalStatus.Approved or ApprovalStatus.BreakGlass;

    public string Message => Status switch
    {
        ApprovalStatus.Denied => $"{By} denied the request: {Note}",
        ApprovalStatus.Expired => "nobody decided the request in time (it expired)",
        ApprovalStatus.Withdrawn => "the request was withdrawn",
        ApprovalStatus.BreakGlass => "proceeding without approval (break-glass)",
        _ => $"approved by {By}",
    };
}
