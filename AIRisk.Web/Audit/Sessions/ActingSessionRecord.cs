using AIRisk.Core.Api;

namespace AIRisk.Web.Audit.Sessions;

/// <summary>
/// An acting session as the server keeps it: who acted as whom (with every role the target had at the start), why,
/// since when, last active when, which tab holds it, and how it ended. The browser tab holds only its id (encrypted);
/// a reload resumes from this.
/// </summary>
public sealed record ActingSessionRecord(
    string Id,
    string StaffId,
    string StaffName,
    AIRiskUser Target,
    string? Reason,
    DateTimeOffset StartedUtc,
    DateTimeOffset LastActivityUtc,
    DateTimeOffset? EndedUtc = null,
    SessionEndCause? EndCause = null)
{
    public bool HasEnded => EndedUtc is not null;

    /// <summary>The tab holding the session; <c>null</c> when none has (yet).</summary>
    public SessionLease? Lease { get; init; }

    /// <summary>The support ticket the session was started for (Zendesk id or Jira key); <c>null</c>: no ticket.</summary>
    public string? Ticket { get; init; }

    /// <summary>
    /// A record on this session's timeline written by no tab of it (the sweeper, the ticket note): its staff member,
    /// its target and its id; what happened is the caller's to add.
    /// </summary>
    public AuditEntry Entry(AuditAction action, AuditOutcome outcome, DateTimeOffset at) => new()
    {
        AtUtc = at,
        StaffId = StaffId,
        StaffName = StaffName,
        Action = action,
        Outcome = outcome,
        TargetUserId = Target.Id,
        TargetUserName = Target.DisplayName,
        SessionId = Id,
    };
}
