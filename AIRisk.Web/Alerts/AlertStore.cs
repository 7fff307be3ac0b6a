using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Alerts;

/// <summary>
/// Alerts and their triage, read from the shared audit trail (every node's alerts, in one place) and triaged into it:
/// a triage is an audit record of its own, so who put an alert where, and when, is on record like everything else.
/// </summary>
internal sealed class AlertStore(AuditTrail trail, TimeProvider time)
{
    private static readonly string AlertAction = nameof(AuditAction.Alert);
    private static readonly string TriagedAction = nameof(AuditAction.AlertTriaged);

    /// <summary>A page of alerts, newest first, each with its latest triage; and how many there are.</summary>
    /// <exception cref="AuditUnavailableException">The audit database could not be read.</exception>
    public Task<(IReadOnlyList<AlertView> Items, int Total)> PageAsync(int skip, int take, CancellationToken ct) => ReadAsync(async db =>
    {
        var alerts = db.Entries.AsNoTracking().Where(r => r.Action == AlertAction);
        var total = await alerts.CountAsync(ct);
        var rows = await alerts.OrderByDescending(r => r.Seq).Skip(skip).Take(take).ToListAsync(ct);
        var triages = rows.Count == 0 ? [] : await LatestTriagesAsync(db, rows.Min(r => r.Seq), ct);
        IReadOnlyList<AlertView> items =
        [
            .. rows.Select(r => AlertRecord.FromEntry(r.ToEntry()) is { } alert
                ? triages.TryGetValue(alert.Id, out var t)
                    ? new AlertView(alert, r.Seq, t.State, t.By, t.At)
                    : new AlertView(alert, r.Seq, AlertTriage.New, null, null)
                : null).OfType<AlertView>(),
        ];
        return (items, total);
    }, ct);

    /// <summary>How many alerts are still new, for the badge.</summary>
    public Task<AlertSummary> SummaryAsync(CancellationToken ct) => ReadAsync(async db =>
    {
        var alerts = db.Entries.AsNoTracking().Where(r => r.Action == AlertAction);
        var count = await alerts.CountAsync(ct);
        if (count == 0)
            return AlertSummary.None;
        var newest = await alerts.MaxAsync(r => r.Seq, ct);
        var triaged = (await LatestTriagesAsync(db, 0, ct)).Values.Count(t => t.State != AlertTriage.New);
        return new AlertSummary(Math.Max(count - triaged, 0), newest);
    }, ct);

    /// <summary>Puts the alert <paramref name="alertId"/> in <paramref name="state"/>, on record as <paramref name="auditor"/>'s.</summary>
    public Task TriageAsync(string alertId, AlertTriage state, StaffMember auditor, CancellationToken ct) =>
        trail.RecordAsync(new AlertTriaged(alertId, state).ToEntry(auditor, time.GetUtcNow()), ct);

    /// <exception cref="AuditUnavailableException">The audit database could not be read.</exception>
    private async Task<T> ReadAsync<T>(Func<AuditDbContext, Task<T>> read, CancellationToken ct)
    {
        try
        {
            return await trail.RunAsync(read, ct);
        }
        catch (Exception e) when (AuditTrail.IsUnavailable(e))
        {
            throw trail.Unavailable("the alerts could not be read from the audit database", e, write: false);
        }
    }

    /// <summary>The latest triage of every alert triaged after record <paramref name="fromSeq"/> (a triage always follows its alert).</summary>
    private static async Task<Dictionary<string, (AlertTriage State, string By, DateTimeOffset At)>> LatestTriagesAsync(AuditDbContext db, long fromSeq, CancellationToken ct)
    {
        var rows = await db.Entries.AsNoTracking().Where(r => r.Action == TriagedAction && r.Seq > fromSeq).OrderBy(r => r.Seq).ToListAsync(ct);
        var latest = new Dictionary<string, (AlertTriage, string, DateTimeOffset)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (AlertTriaged.FromEntry(row.ToEntry()) is { } triage)
                latest[triage.AlertId] = (triage.State, row.StaffName, new DateTimeOffset(row.AtUtcTicks, TimeSpan.Zero));
        }

        return latest;
    }
}
