using AIRisk.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// The rules' queries on the audit database: by staff member, action, outcome and time on
/// <c>ix_audit_log_staff_action</c>, by session on <c>ix_audit_log_session</c>. The act-as path reads one small
/// aggregate (each user once), not every session start of the window.
/// </summary>
internal sealed class DetectionFacts(AuditTrail trail) : IDetectionFacts
{
    private static readonly string ActAs = nameof(AuditAction.ActAs);
    private static readonly string Viewed = nameof(AuditAction.Viewed);
    private static readonly string Alert = nameof(AuditAction.Alert);
    private static readonly string Requested = nameof(AuditOutcome.Requested);
    private static readonly string Refused = nameof(AuditOutcome.Refused);
    private static readonly string Succeeded = nameof(AuditOutcome.Succeeded);

    public Task<IReadOnlyList<TargetSeen>> TargetsAsync(string staffId, DateTimeOffset since, CancellationToken ct) => trail.RunAsync<IReadOnlyList<TargetSeen>>(async db =>
    {
        var from = since.UtcTicks;
        var users = await Of(db, staffId, ActAs, Requested, from)
            .Where(r => r.TargetUserId != null)
            .GroupBy(r => r.TargetUserId)
            .Select(g => new { Id = g.Key, Name = g.Max(r => r.TargetUserName), At = g.Max(r => r.AtUtcTicks) })
            .ToListAsync(ct);
        return [.. users.Select(u => new TargetSeen(u.Id!, u.Name ?? u.Id!, Instant(u.At)))];
    }, ct);

    public Task<IReadOnlyList<string>> SessionsAsync(string staffId, DateTimeOffset since, CancellationToken ct) => trail.RunAsync<IReadOnlyList<string>>(async db =>
        await Of(db, staffId, ActAs, Requested, since.UtcTicks)
            .Where(r => r.SessionId != null)
            .OrderByDescending(r => r.AtUtcTicks)
            .Select(r => r.SessionId!)
            .Take(100)
            .ToListAsync(ct), ct);

    public Task<IReadOnlyList<RefusalSeen>> RefusalsAsync(string staffId, DateTimeOffset since, CancellationToken ct) => trail.RunAsync<IReadOnlyList<RefusalSeen>>(async db =>
    {
        var refusals = await Of(db, staffId, ActAs, Refused, since.UtcTicks)
            .OrderByDescending(r => r.AtUtcTicks)
            .Select(r => new { r.TargetUserId, r.TargetUserName, r.AtUtcTicks })
            .Take(1_000)
            .ToListAsync(ct);
        return [.. refusals.Select(r => new RefusalSeen(r.TargetUserId, r.TargetUserName, Instant(r.AtUtcTicks)))];
    }, ct);

    public Task<int> ConversationsViewedAsync(string session, CancellationToken ct) => trail.RunAsync(db =>
        db.Entries.AsNoTracking()
            .Where(r => r.SessionId == session && r.Action == Viewed)
            .Select(r => r.Detail)
            .Distinct()
            .CountAsync(ct), ct);

    public Task<IReadOnlyList<RaisedAlert>> AlertsAsync(string staffId, DateTimeOffset since, CancellationToken ct) => trail.RunAsync(db =>
        RaisedAsync(Of(db, staffId, Alert, Succeeded, since.UtcTicks), ct), ct);

    public Task<IReadOnlyList<RaisedAlert>> SessionAlertsAsync(string session, CancellationToken ct) => trail.RunAsync(db =>
        RaisedAsync(db.Entries.AsNoTracking().Where(r => r.SessionId == session && r.Action == Alert), ct), ct);

    private static IQueryable<AuditRow> Of(AuditDbContext db, string staffId, string action, string outcome, long fromTicks) =>
        db.Entries.AsNoTracking().Where(r => r.StaffId == staffId && r.Action == action && r.Outcome == outcome && r.AtUtcTicks >= fromTicks);

    private static async Task<IReadOnlyList<RaisedAlert>> RaisedAsync(IQueryable<AuditRow> alerts, CancellationToken ct)
    {
        var rows = await alerts.Select(r => new { r.Reason, r.SessionId, r.AtUtcTicks }).ToListAsync(ct);
        return [.. rows.Select(r => new RaisedAlert(r.Reason, r.SessionId, Instant(r.AtUtcTicks)))];
    }

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
