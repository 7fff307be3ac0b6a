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
}
