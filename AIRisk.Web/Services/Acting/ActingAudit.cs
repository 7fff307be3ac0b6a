using AIRisk.Core.Api;
using AIRisk.Web.Services.Audit;
using AIRisk.Web.Services.Identity;

namespace AIRisk.Web.Services.Acting;

/// <summary>
/// Writes this tab's audit records: who (the signed-in staff member), as whom, what and when. A record that must
/// stand before an action is written with <see cref="RecordAsync"/> (fail closed); one that reports how something
/// ended is written with <see cref="RecordBestEffortAsync"/>, which logs a lost record instead of failing.
/// </summary>
public sealed partial class ActingAudit(IAuditTrail audit, AIRisk.Web.Services.Sessions.IActingSessionStore sessions, StaffContext staff, TimeProvider time, ILogger<ActingAudit> logger)
{
    /// <summary>The tab's acting session, stamped on every record so a session reads as one timeline.</summary>
    public string? SessionId { get; set; }

    /// <exception cref="AuditUnavailableException">The record could not be written.</exception>
    public Task RecordAsync(AuditAction action, AuditOutcome outcome, AIRiskUser? target, CancellationToken ct, string? reason = null, string? detail = null, string? error = null) =>
        audit.RecordAsync(Entry(action, outcome, target, reason, detail, error), ct);

    /// <summary>The start of an acting session and its audit record, in one write, before any token is requested.</summary>
    /// <exception cref="AuditUnavailableException">Neither could be written.</exception>
    public Task RecordStartAsync(AIRisk.Web.Services.Sessions.ActingSessionRecord session, CancellationToken ct) =>
        sessions.StartAsync(session, Entry(AuditAction.ActAs, AuditOutcome.Requested, session.Target, session.Reason, $"session {session.Id}", null), ct);

    public async Task RecordBestEffortAsync(AuditAction action, AuditOutcome outcome, AIRiskUser? target, string? reason = null, string? detail = null, string? error = null)
    {
        try
        {
            await audit.RecordAsync(Entry(action, outcome, target, reason, detail, error), CancellationToken.None);
        }
        catch (AuditUnavailableException e)
        {
            LogAuditLost(action, outcome, e.Message);
        }
    }

    private AuditEntry Entry(AuditAction action, AuditOutcome outcome, AIRiskUser? target, string? reason, string? detail, string? error) => new()
    {
        AtUtc = time.GetUtcNow(),
        StaffId = staff.Current.Id,
        StaffName = staff.Current.Name,
        Action = action,
        Outcome = outcome,
        TargetUserId = target?.Id,
        TargetUserName = target?.DisplayName,
        Reason = reason,
        Detail = detail,
        Error = error,
        SessionId = SessionId,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit record of {Action} ({Outcome}) could not be written: {Reason}")]
    private partial void LogAuditLost(AuditAction action, AuditOutcome outcome, string reason);
}
