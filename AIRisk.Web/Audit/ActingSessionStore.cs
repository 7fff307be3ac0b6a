using AIRisk.Core.Api;
using AIRisk.Web.Acting.Sessions;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit;

/// <summary>Acting sessions in the audit database (its schema and readiness are the audit trail's).</summary>
internal sealed class ActingSessionStore(AuditTrail trail) : IActingSessionStore
{
    public Task StartAsync(ActingSessionRecord session, AuditEntry started, CancellationToken ct) => RunAsync(async db =>
    {
        db.Entries.Add(AuditRow.From(started));
        db.Sessions.Add(new ActingSessionRow
        {
            Id = session.Id,
            StaffId = session.StaffId,
            StaffName = session.StaffName,
            TargetUserId = session.Target.Id,
            TargetUserName = session.Target.DisplayName,
            TargetRole = session.Target.Role,
            TargetEmail = session.Target.Email,
            Reason = session.Reason,
            StartedUtcTicks = session.StartedUtc.UtcTicks,
            LastActivityUtcTicks = session.LastActivityUtc.UtcTicks,
        });
        await db.SaveChangesAsync(ct);
        return 0;
    }, ct);

    public Task<ActingSessionRecord?> FindAsync(string id, CancellationToken ct) => RunAsync(async db =>
    {
        var row = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? null : ToRecord(row);
    }, ct, write: false);

    public Task TouchAsync(string id, DateTimeOffset at, CancellationToken ct) => RunAsync(
        db => db.Sessions.Where(s => s.Id == id && s.EndedUtcTicks == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastActivityUtcTicks, at.UtcTicks), ct), ct);

    public Task<bool> EndAsync(string id, DateTimeOffset at, SessionEndCause cause, IReadOnlyList<AuditEntry> records, CancellationToken ct) => RunAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ended = await db.Sessions.Where(s => s.Id == id && s.EndedUtcTicks == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedUtcTicks, at.UtcTicks).SetProperty(s => s.EndCause, cause.ToString()), ct);
        db.Entries.AddRange(records.Select(AuditRow.From));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ended == 1;
    }, ct);

    private async Task<T> RunAsync<T>(Func<AuditDbContext, Task<T>> work, CancellationToken ct, bool write = true)
    {
        try
        {
            return await trail.RunAsync(work, ct);
        }
        catch (Exception e) when (AuditTrail.IsUnavailable(e))
        {
            throw trail.Unavailable("The audit database (where acting sessions are recorded) could not be reached, so this was not done.", e, write);
        }
    }

    private static ActingSessionRecord ToRecord(ActingSessionRow row) => new(
        row.Id,
        row.StaffId,
        row.StaffName,
        new AIRiskUser(row.TargetUserId, row.TargetUserName, row.TargetEmail, row.TargetRole),
        row.Reason,
        new DateTimeOffset(row.StartedUtcTicks, TimeSpan.Zero),
        new DateTimeOffset(row.LastActivityUtcTicks, TimeSpan.Zero),
        row.EndedUtcTicks is { } ended ? new DateTimeOffset(ended, TimeSpan.Zero) : null,
        row.EndCause is { } cause ? Enum.Parse<SessionEndCause>(cause) : null);
}
