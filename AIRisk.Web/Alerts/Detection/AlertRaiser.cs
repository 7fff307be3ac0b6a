using AIRisk.Web.Audit;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// Raises a finding: an <see cref="Alert"/> recorded in the audit trail (action Alert, the alert's JSON as detail), with
/// the finding's key as the record's reason so that the next evaluation, on any node, knows it stands. The trail's
/// outbox delivers it from there. A record that cannot be written is logged: the act-as it concerns is in the trail
/// already, and the next evaluation finds the same facts and raises it then.
/// </summary>
public sealed partial class AlertRaiser(IAuditTrail trail, TimeProvider time, ILogger<AlertRaiser> logger)
{
    /// <param name="session">The acting session the alert was raised in, when there is one: it appears in that session's timeline.</param>
    /// <returns>Whether the alert is on record.</returns>
    public async Task<bool> RaiseAsync(Finding finding, AlertPerson staff, string? session)
    {
        var sessions = session is null || finding.Sessions.Contains(session) ? finding.Sessions : [session, .. finding.Sessions];
        var alert = new Alert(Guid.NewGuid().ToString("N"), finding.Rule, finding.Severity, time.GetUtcNow(), staff, finding.Targets, sessions, finding.Summary);
        try
        {
            await trail.RecordAsync(AlertRecord.ToEntry(alert, finding.Session ?? session) with { Reason = finding.Key }, CancellationToken.None);
            LogRaised(alert.Rule, alert.Severity, staff.Id, alert.Id);
            return true;
        }
        catch (AuditUnavailableException e)
        {
            LogNotRecorded(alert.Rule, staff.Id, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Rule} ({Severity}) raised about {StaffId}: {AlertId}")]
    private partial void LogRaised(string rule, AlertSeverity severity, string staffId, string alertId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {Rule} about {StaffId} could not be recorded (raised again at the next evaluation that finds it): {Reason}")]
    private partial void LogNotRecorded(string rule, string staffId, string reason);
}
