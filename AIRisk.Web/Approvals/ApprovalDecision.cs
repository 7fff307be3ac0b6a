namespace AIRisk.Web.Approvals;

/// <summary>What became of an attempt to decide a request.</summary>
public enum ApprovalDecision
{
    /// <summary>This decision is the request's.</summary>
    Decided,

    /// <summary>The decider asked for it: nobody approves their own request.</summary>
    OwnRequest,

    /// <summary>Someone decided it first, or it was withdrawn or broken open.</summary>
    AlreadyDecided,

    Expired,

    NotFound,

    /// <summary>The decider does not hold the approver role (now), or a denial came without a note.</summary>
    NotAllowed,
}
