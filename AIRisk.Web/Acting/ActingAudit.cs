using AIRisk.Core.Api;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Acting;

/// <summary>
/// Writes this tab's audit records: who (the signed-in staff member), as whom, what and when, stamped with the tab's
/// acting session (or the session a record names). A record that must stand before an action is written with
/// <see cref="RecordAsync"/> or, under the tab's session, <see cref="RecordInSessionAsync"/> (fail closed); one that
/// reports how something ended is written with <see cref="RecordBestEffortAsync(AuditEntry)"/>, which logs a lost record
/// instead of failing.
/// </summary>
public sealed partial class ActingAudit(IAuditTrail audit, IActingSessionStore sessions, Detector detection, TabSession tab, StaffContext staff, StaffClient client, TimeProvider time, ILogger<ActingAudit> logger)
{
    /// <exception cref="AuditUnavailableException">The record could not be written.</exception>
    public Task RecordAsync(AuditAction action, AuditOutcome outcome, AIRiskUser? target, CancellationToken ct, string? reason = null, string? detail = null, string? error = null) =>
        audit.RecordAsync(Entry(action, outcome, target, reason, detail, error), ct);

    /// <summary>
    /// A record under the tab's acting session, written only while that session is open and this tab holds it (checked
    /// in the same transaction as the write, on whichever node ended it). A view or a write on record is then shown to
    /// the detection rules (read volume, off-hours).
    /// </summary>
    /// <exception cref="ActingSessionEndedException">The session has ended, or another tab holds it: nothing was written.</exception>
    /// <exception cref="AuditUnavailableException">The record could not be written.</exception>
    /// <param name="session">The session to write under; the tab's session in force when <c>null</c>.</param>
    public async Task RecordInSessionAsync(AuditAction action, AuditOutcome outcome, AIRiskUser? target, CancellationToken ct, string? reason = null, string? detail = null, string? session = null)
    {
        var entry = Entry(action, outcome, target, reason, detail, session: session ?? tab.Id);
        if (entry.SessionId is { } held)
            await sessions.RecordAsync(held, tab.CircuitId, entry, ct);
        else
            await audit.RecordAsync(entry, ct);
        await detection.AfterActivityAsync(staff.Current, entry);
    }

    /// <summary>
    /// The start of an acting session, held by this tab, and its audit record (with the staff member's address and
    /// browser), in one write, before any token is requested.
    /// </summary>
    /// <exception cref="AuditUnavailableException">Neither could be written.</exception>
    /// <param name="session">The session, with its ticket if it has one.</param>
    /// <param name="ticketsOn">Whether a ticket system is configured: the record then says "no ticket" where it has none.</param>
    /// <param name="ct">The caller giving up.</param>
    public Task RecordStartAsync(ActingSessionRecord session, bool ticketsOn, CancellationToken ct) =>
        sessions.StartAsync(session, tab.CircuitId, FromClient(Entry(AuditAction.ActAs, AuditOutcome.Requested, session.Target, session.Reason, AuditTicket.Start(session.Id, session.Ticket, ticketsOn), session: session.Id)), ct);

    /// <summary>
    /// The record of this tab taking up acting session <paramref name="session"/> again: a session start on a new circuit,
    /// so it names the staff member's address and browser as a start does.
    /// </summary>
    /// <exception cref="ActingSessionEndedException">The session has ended, or another tab holds it: nothing was written.</exception>
    /// <exception cref="AuditUnavailableException">The record could not be written.</exception>
    public Task RecordResumeAsync(string session, AIRiskUser? target, string? reason, CancellationToken ct) =>
        sessions.RecordAsync(session, tab.CircuitId, FromClient(Entry(AuditAction.Resumed, AuditOutcome.Succeeded, target, reason, session: session)), ct);

    public Task RecordBestEffortAsync(AuditAction action, AuditOutcome outcome, AIRiskUser? target, string? reason = null, string? detail = null, string? error = null, string? session = null) =>
        RecordBestEffortAsync(Entry(action, outcome, target, reason, detail, error, session));

    /// <summary>Writes <paramref name="entry"/> (made with <see cref="Entry"/>); a lost record is logged.</summary>
    public async Task RecordBestEffortAsync(AuditEntry entry)
    {
        try
        {
            await audit.RecordAsync(entry, CancellationToken.None);
        }
        catch (AuditUnavailableException e)
        {
            LogAuditLost(entry.Action, entry.Outcome, e.Message);
        }
    }

    /// <summary>
    /// Ends acting session <paramref name="id"/> on record with <paramref name="cause"/>: <paramref name="endRecord"/> is
    /// written only if this ended it, <paramref name="alongside"/> either way, in one write. A failure is logged, never
    /// thrown (ending lowers privilege).
    /// </summary>
    public async Task EndSessionAsync(string id, SessionEndCause cause, AuditEntry? endRecord, params AuditEntry[] alongside)
    {
        try
        {
            // Only while this tab holds it: a tab that lost its session to another (a reload on another node) never ends it.
            await sessions.EndAsync(id, tab.CircuitId, time.GetUtcNow(), cause, endRecord, alongside, CancellationToken.None);
        }
        catch (AuditUnavailableException e)
        {
            LogEndNotStored(id, cause, e.Message);
        }
    }

    /// <summary>A record to hand to <see cref="EndSessionAsync"/>; the staff member is the one signed in now.</summary>
    public AuditEntry Entry(AuditAction action, AuditOutcome outcome, AIRiskUser? target, string? reason = null, string? detail = null, string? error = null, string? session = null) => new()
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
        SessionId = session ?? tab.Id,
    };

    private AuditEntry FromClient(AuditEntry entry) => entry with { ClientIp = client.IpAddress, UserAgent = client.UserAgent };

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit record of {Action} ({Outcome}) could not be written: {Reason}")]
    private partial void LogAuditLost(AuditAction action, AuditOutcome outcome, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The end of acting session {SessionId} ({Cause}) could not be stored: {Reason}")]
    private partial void LogEndNotStored(string sessionId, SessionEndCause cause, string reason);
}
