using AIRisk.Web.Audit.Checkpoints;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// The durable outbox: the audit log (and the checkpoint table) is the queue, and <c>audit_delivery</c> holds each
/// stream's cursor, lease and last failure. Every change to a stream's row is one conditional UPDATE, so nodes never
/// need to agree on anything but the database: a lease is taken only when free, expired or already one's own, and a
/// cursor moves only for the node holding the lease.
/// </summary>
internal sealed class AuditOutbox(AuditTrail trail, TimeProvider time)
{
    /// <summary>
    /// Adds the stream's row unless it exists, its cursor at 0 (the whole trail is sent) or, for
    /// <see cref="AuditStreamStart.Now"/>, at the newest record or checkpoint (<paramref name="checkpoints"/>).
    /// </summary>
    public Task EnsureAsync(string stream, AuditStreamStart start, bool checkpoints, CancellationToken ct) => trail.RunAsync(async db =>
    {
        if (await db.Deliveries.AnyAsync(d => d.Destination == stream, ct))
            return 0;
        var cursor = start == AuditStreamStart.WholeTrail ? 0
            : checkpoints ? await db.Checkpoints.MaxAsync(c => (long?)c.Seq, ct) ?? 0
            : await db.Entries.MaxAsync(r => (long?)r.Seq, ct) ?? 0;
        db.Deliveries.Add(new AuditDeliveryRow { Destination = stream, DeliveredThroughSeq = cursor });
        try
        {
            return await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node added it first.
            return 0;
        }
    }, ct);

    /// <returns>The stream's row with the lease now held (or renewed) by <paramref name="holder"/>, or null when another node holds it.</returns>
    public Task<AuditDeliveryRow?> TryLeaseAsync(string stream, string holder, TimeSpan lease, CancellationToken ct) => trail.RunAsync(async db =>
    {
        var now = time.GetUtcNow().UtcTicks;
        var taken = await db.Deliveries
            .Where(d => d.Destination == stream && (d.LeaseHolder == null || d.LeaseHolder == holder || d.LeaseExpiresUtcTicks < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseHolder, holder).SetProperty(d => d.LeaseExpiresUtcTicks, now + lease.Ticks), ct);
        return taken == 1 ? await db.Deliveries.AsNoTracking().SingleAsync(d => d.Destination == stream, ct) : null;
    }, ct);

    /// <summary>Moves the cursor to <paramref name="through"/> and clears the failures, if <paramref name="holder"/> still holds the lease.</summary>
    /// <returns>Whether it did (false: the lease expired and another node took the stream).</returns>
    public async Task<bool> AdvanceAsync(string stream, string holder, long through, TimeSpan lease, CancellationToken ct) => 1 == await trail.RunAsync(db =>
    {
        var now = time.GetUtcNow().UtcTicks;
        return db.Deliveries
            .Where(d => d.Destination == stream && d.LeaseHolder == holder && d.DeliveredThroughSeq < through)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DeliveredThroughSeq, through).SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.LastError, (string?)null).SetProperty(d => d.LastAttemptUtcTicks, now)
                .SetProperty(d => d.NextAttemptUtcTicks, 0L).SetProperty(d => d.LeaseExpiresUtcTicks, now + lease.Ticks), ct);
    }, ct);

    /// <summary>Records a failed attempt; no node sends to the stream again before <paramref name="retryAfter"/> has passed.</summary>
    public Task FailedAsync(string stream, string holder, string error, TimeSpan retryAfter, CancellationToken ct) => trail.RunAsync(db =>
    {
        var now = time.GetUtcNow().UtcTicks;
        return db.Deliveries
            .Where(d => d.Destination == stream && d.LeaseHolder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LastError, error)
                .SetProperty(d => d.LastAttemptUtcTicks, now).SetProperty(d => d.NextAttemptUtcTicks, now + retryAfter.Ticks), ct);
    }, ct);

    /// <summary>Up to <paramref name="count"/> records after <paramref name="after"/>, in sequence order.</summary>
    public Task<List<AuditStreamItem>> ReadRecordsAsync(long after, int count, CancellationToken ct) => trail.RunAsync(async db =>
    {
        var rows = await db.Entries.AsNoTracking().Where(r => r.Seq > after).OrderBy(r => r.Seq).Take(count).ToListAsync(ct);
        return rows.Select(r => AuditStreamItem.Of(r.ToEntry(), r.Hash ?? "")).ToList();
    }, ct);

    /// <summary>Up to <paramref name="count"/> checkpoints sealed after record <paramref name="after"/>, in order.</summary>
    public Task<List<AuditStreamItem>> ReadCheckpointsAsync(long after, int count, CancellationToken ct) => trail.RunAsync(async db =>
    {
        var rows = await db.Checkpoints.AsNoTracking().Where(c => c.Seq > after).OrderBy(c => c.Seq).Take(count).ToListAsync(ct);
        return rows.Select(c => AuditStreamItem.Of(AuditCheckpoint.From(c))).ToList();
    }, ct);

    /// <summary>How far <paramref name="stream"/> is behind the log (or the checkpoints).</summary>
    public Task<AuditStreamLag> LagAsync(string stream, bool checkpoints, CancellationToken ct) => trail.RunAsync(async db =>
    {
        if (await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Destination == stream, ct) is not { } row)
            return AuditStreamLag.None(stream);
        var cursor = row.DeliveredThroughSeq;
        var (behind, oldest) = checkpoints
            ? (await db.Checkpoints.CountAsync(c => c.Seq > cursor, ct),
               await db.Checkpoints.Where(c => c.Seq > cursor).OrderBy(c => c.Seq).Select(c => (long?)c.AtUtcTicks).FirstOrDefaultAsync(ct))
            : ((await db.Entries.MaxAsync(r => (long?)r.Seq, ct) ?? 0) - cursor,
               await db.Entries.Where(r => r.Seq > cursor).OrderBy(r => r.Seq).Select(r => (long?)r.AtUtcTicks).FirstOrDefaultAsync(ct));
        var age = oldest is { } ticks ? time.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) : TimeSpan.Zero;
        return new AuditStreamLag(stream, Math.Max(behind, 0), age < TimeSpan.Zero ? TimeSpan.Zero : age, row.LastError);
    }, ct);

    /// <summary>
    /// What <paramref name="stream"/> has not delivered yet and how its last attempts went, read from the shared
    /// database (so every node sees the same, sending or not); <paramref name="counted"/> records are counted apart.
    /// </summary>
    public Task<AuditStreamBacklog> BacklogAsync(string stream, AuditAction counted, CancellationToken ct) => trail.RunAsync(async db =>
    {
        if (await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Destination == stream, ct) is not { } row)
            return new AuditStreamBacklog(stream, 0, null, null, null, null, 0);
        var cursor = row.DeliveredThroughSeq;
        var action = counted.ToString();
        var oldest = await db.Entries.Where(r => r.Seq > cursor).OrderBy(r => r.Seq).Select(r => (long?)r.AtUtcTicks).FirstOrDefaultAsync(ct);
        var waiting = await db.Entries.CountAsync(r => r.Seq > cursor && r.Action == action, ct);
        return new AuditStreamBacklog(stream, row.Attempts, row.LastError, At(row.LastAttemptUtcTicks),
            row.NextAttemptUtcTicks > 0 ? At(row.NextAttemptUtcTicks) : null, At(oldest), waiting);
    }, ct);

    private static DateTimeOffset? At(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
