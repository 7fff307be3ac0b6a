using AIRisk.Core.Api;
using AIRisk.Web.Audit.Chain;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit.Sessions;

/// <summary>
/// Acting sessions in the audit database (its schema and readiness are the audit trail's). Each rule is one conditional
/// write, so it holds across nodes: the database, not a node's memory, decides who holds a session and whether it has
/// ended.
/// </summary>
internal sealed class ActingSessionStore(AuditTrail trail) : IActingSessionStore
{
    private const char RoleSeparator = '\n';

    public Task StartAsync(ActingSessionRecord session, string circuitId, AuditEntry started, CancellationToken ct) => RunAsync(async db =>
    {
        db.Sessions.Add(new ActingSessionRow
        {
            Id = session.Id,
            StaffId = session.StaffId,
            StaffName = session.StaffName,
            TargetUserId = session.Target.Id,
            TargetUserName = session.Target.DisplayName,
            TargetRole = session.Target.Role,
            TargetRoles = session.Target.Roles.Count == 0 ? null : string.Join(RoleSeparator, session.Target.Roles),
            TargetEmail = session.Target.Email,
            Reason = session.Reason,
            Ticket = session.Ticket,
            StartedUtcTicks = session.StartedUtc.UtcTicks,
            LastActivityUtcTicks = session.LastActivityUtc.UtcTicks,
            LeaseCircuit = circuitId,
            LeaseConnected = true,
            LeaseSeenUtcTicks = session.StartedUtc.UtcTicks,
        });
        await AuditChainAppender.AppendAsync(db, [AuditRow.From(started)], ct);
        return 0;
    }, ct);

    public Task<ActingSessionRecord?> FindAsync(string id, CancellationToken ct) => RunAsync(async db =>
    {
        var row = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? null : ToRecord(row);
    }, ct, write: false);

    public Task<LeaseResult> TryTakeLeaseAsync(string id, string circuitId, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken ct) => RunAsync(async db =>
    {
        var stale = staleBefore.UtcTicks;
        var taken = await db.Sessions
            .Where(s => s.Id == id && s.EndedUtcTicks == null
                        && (s.LeaseCircuit == null || s.LeaseCircuit == circuitId || !s.LeaseConnected || s.LeaseSeenUtcTicks == null || s.LeaseSeenUtcTicks < stale))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseCircuit, circuitId).SetProperty(s => s.LeaseConnected, true).SetProperty(s => s.LeaseSeenUtcTicks, now.UtcTicks), ct);
        if (taken == 1)
            return LeaseResult.Taken;
        var open = await db.Sessions.AnyAsync(s => s.Id == id && s.EndedUtcTicks == null, ct);
        return open ? LeaseResult.HeldElsewhere : LeaseResult.Ended;
    }, ct);

    public Task<bool> TouchAsync(string id, string circuitId, DateTimeOffset lastActivity, DateTimeOffset now, CancellationToken ct) => RunAsync(async db =>
        await db.Sessions.Where(s => s.Id == id && s.EndedUtcTicks == null && s.LeaseCircuit == circuitId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastActivityUtcTicks, lastActivity.UtcTicks).SetProperty(s => s.LeaseSeenUtcTicks, now.UtcTicks), ct) == 1, ct);

    public Task SetConnectedAsync(string id, string circuitId, bool connected, DateTimeOffset now, CancellationToken ct) => RunAsync(
        db => db.Sessions.Where(s => s.Id == id && s.EndedUtcTicks == null && s.LeaseCircuit == circuitId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseConnected, connected).SetProperty(s => s.LeaseSeenUtcTicks, now.UtcTicks), ct), ct);

    public Task<bool> HoldsAsync(string id, string circuitId, CancellationToken ct) => RunAsync(
        db => db.Sessions.AnyAsync(s => s.Id == id && s.EndedUtcTicks == null && s.LeaseCircuit == circuitId, ct), ct, write: false);

    public async Task RecordAsync(string id, string circuitId, AuditEntry entry, CancellationToken ct)
    {
        var written = await RunAsync(async db =>
        {
            var at = entry.AtUtc.UtcTicks;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A write to the session's own row: it takes the row's lock, so an end committed meanwhile is seen here. The
            // holder counts as seen, but never earlier than it was: staff acted at `at`, which may precede the last touch.
            var open = await db.Sessions.Where(s => s.Id == id && s.EndedUtcTicks == null && s.LeaseCircuit == circuitId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseSeenUtcTicks, s => s.LeaseSeenUtcTicks > at ? s.LeaseSeenUtcTicks : at), ct);
            if (open != 1)
                return false;
            await AuditChainAppender.AppendAsync(db, [AuditRow.From(entry)], ct);
            await transaction.CommitAsync(ct);
            return true;
        }, ct);
        if (!written)
            throw new ActingSessionEndedException(id);
    }

    public Task<bool> EndAsync(string id, string? heldBy, DateTimeOffset at, SessionEndCause cause, AuditEntry? endRecord, IReadOnlyList<AuditEntry> alongside, CancellationToken ct) => RunAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ended = await db.Sessions.Where(s => s.Id == id && s.EndedUtcTicks == null && (heldBy == null || s.LeaseCircuit == heldBy))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedUtcTicks, at.UtcTicks).SetProperty(s => s.EndCause, cause.ToString()), ct) == 1;
        List<AuditRow> records = ended && endRecord is not null ? [AuditRow.From(endRecord)] : [];
        records.AddRange(alongside.Select(AuditRow.From));
        await AuditChainAppender.AppendAsync(db, records, ct);
        await transaction.CommitAsync(ct);
        return ended;
    }, ct);

    public Task<IReadOnlyList<ActingSessionRecord>> FindUnseenAsync(DateTimeOffset before, CancellationToken ct) => RunAsync(async db =>
    {
        var ticks = before.UtcTicks;
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.EndedUtcTicks == null && (s.LeaseSeenUtcTicks ?? s.StartedUtcTicks) < ticks)
            .OrderBy(s => s.StartedUtcTicks).Take(500).ToListAsync(ct);
        return (IReadOnlyList<ActingSessionRecord>)[.. rows.Select(ToRecord)];
    }, ct, write: false);

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
        new AIRiskUser(row.TargetUserId, row.TargetUserName, row.TargetEmail, row.TargetRole)
        {
            Roles = row.TargetRoles is { Length: > 0 } roles ? roles.Split(RoleSeparator) : row.TargetRole is { } role ? [role] : [],
        },
        row.Reason,
        new DateTimeOffset(row.StartedUtcTicks, TimeSpan.Zero),
        new DateTimeOffset(row.LastActivityUtcTicks, TimeSpan.Zero),
        row.EndedUtcTicks is { } ended ? new DateTimeOffset(ended, TimeSpan.Zero) : null,
        row.EndCause is { } cause ? Enum.Parse<SessionEndCause>(cause) : null)
    {
        Ticket = row.Ticket,
        Lease = row.LeaseCircuit is { } circuit
            ? new SessionLease(circuit, row.LeaseConnected, new DateTimeOffset(row.LeaseSeenUtcTicks ?? row.StartedUtcTicks, TimeSpan.Zero))
            : null,
    };
}
