using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Approvals;

/// <summary>Requests for a second person where every node sees them (<see cref="ApprovalStore"/>: the audit database).</summary>
/// <remarks>Every method throws <see cref="Audit.AuditUnavailableException"/> when the database cannot be reached.</remarks>
public interface IApprovalStore
{
    Task CreateAsync(ApprovalRequest request, CancellationToken ct);

    Task<ApprovalRequest?> GetAsync(string id, CancellationToken ct);

    /// <summary>Requests waiting for a decision now, oldest first.</summary>
    Task<IReadOnlyList<ApprovalRequest>> OpenAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>An approval of <paramref name="requesterId"/> for <paramref name="targetUserId"/> still valid at <paramref name="now"/>.</summary>
    /// <param name="breakGlass">A break-glass counts too: a session it let start goes on (a reload), though a new act-as asks again.</param>
    Task<ApprovalRequest?> StandingAsync(string requesterId, string targetUserId, DateTimeOffset now, bool breakGlass, CancellationToken ct);

    /// <summary>Approves or denies <paramref name="id"/> as <paramref name="decider"/>, if it is still open, unexpired and not theirs.</summary>
    Task<ApprovalDecision> DecideAsync(string id, StaffMember decider, bool approve, string? note, DateTimeOffset now, DateTimeOffset validUntil, CancellationToken ct);

    /// <summary>Closes <paramref name="id"/> without an approver: withdrawn, or expired once past its expiry; <c>false</c> when it was not open.</summary>
    Task<bool> CloseAsync(string id, ApprovalStatus status, DateTimeOffset now, CancellationToken ct);

    /// <summary>The requester proceeds alone: only their own request, still open and unexpired, open since <paramref name="openSince"/> or before.</summary>
    Task<bool> BreakGlassAsync(string id, string requesterId, string reason, DateTimeOffset now, DateTimeOffset openSince, DateTimeOffset validUntil, CancellationToken ct);

    /// <summary>Open requests past their expiry (nobody waits for them any more, or their tab closed).</summary>
    Task<IReadOnlyList<ApprovalRequest>> DueToExpireAsync(DateTimeOffset now, CancellationToken ct);
}
