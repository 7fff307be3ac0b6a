namespace AIRisk.Web.Audit.Approvals;

/// <summary>
/// One request for a second person, as the audit database keeps it (table <c>approval_request</c>): current state,
/// whose history is in the audit log. Who asked, as whom, why and when stay as written; only the decision columns change,
/// once (a trigger refuses a decision by the requester and any change to a decided request).
/// </summary>
internal sealed class ApprovalRequestRow
{
    public required string Id { get; set; }

    public required string RequesterId { get; set; }

    public required string RequesterName { get; set; }

    public required string TargetUserId { get; set; }

    public required string TargetUserName { get; set; }

    /// <summary>The target's roles when asked, comma-separated.</summary>
    public string? TargetRoles { get; set; }

    public required string Why { get; set; }

    public string? Reason { get; set; }

    public string? Ticket { get; set; }

    public long CreatedUtcTicks { get; set; }

    public long ExpiresUtcTicks { get; set; }

    /// <summary>One of <c>open</c>, <c>approved</c>, <c>denied</c>, <c>expired</c>, <c>withdrawn</c>, <c>break-glass</c>.</summary>
    public required string Status { get; set; }

    public string? DecidedById { get; set; }

    public string? DecidedByName { get; set; }

    /// <summary>The approver's note, or the requester's written reason for break-glass.</summary>
    public string? Note { get; set; }

    public long? DecidedUtcTicks { get; set; }

    /// <summary>Until when an approval lets its requester act as its target.</summary>
    public long? ValidUntilUtcTicks { get; set; }
}
