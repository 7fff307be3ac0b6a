using AIRisk.Core.Api;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// An acting session as the server keeps it: who acted as whom, since when, last active when, and how it ended. The
/// browser tab holds only its id (encrypted); a reload resumes from this.
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
}
