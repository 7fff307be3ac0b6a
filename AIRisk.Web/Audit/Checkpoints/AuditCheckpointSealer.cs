using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// Seals a signed checkpoint of the chain's newest record when one is due: <see cref="AuditChainOptions.CheckpointRecords"/>
/// records or <see cref="AuditChainOptions.CheckpointInterval"/> since the last one (or always, when forced, as retention
/// does before it deletes). Several nodes seal one checkpoint: the decision and the insert run under one lock (an
/// advisory transaction lock on PostgreSQL, SQLite's write lock), so the second node finds it already sealed.
/// </summary>
internal sealed class AuditCheckpointSealer(AuditTrail trail, AuditSigningKeyProvider keys, AuditChainOptions options, TimeProvider time)
{
    /// <summary>An arbitrary number every node uses for the checkpoint lock (ASCII "AUDITCKP").</summary>
    private const long LockNumber = 0x4155444954434B50;

    /// <returns>The checkpoint sealed, or <c>null</c> when none was due (or there is no record yet).</returns>
    public Task<AuditCheckpoint?> SealIfDueAsync(bool force, CancellationToken ct) => trail.RunAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!db.Database.IsSqlite())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockNumber})", ct);
        var newest = await db.Entries.AsNoTracking().OrderByDescending(r => r.Seq).Select(r => new { r.Seq, r.Hash }).FirstOrDefaultAsync(ct);
        if (newest is null)
            return null;
        var last = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Seq).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        if (last is not null && last.Seq >= newest.Seq)
            return force ? AuditCheckpoint.From(last) : null;
        var due = force || last is null
                  || newest.Seq - last.Seq >= options.CheckpointRecords
                  || now.UtcTicks - last.AtUtcTicks >= options.CheckpointInterval.Ticks;
        if (!due)
            return null;
        var checkpoint = keys.Key.Sign(new AuditCheckpoint(newest.Seq, newest.Hash!, Chain.AuditChainEncoding.TruncateToMicroseconds(now.UtcTicks), "", ""));
        db.Checkpoints.Add(checkpoint.ToRow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return checkpoint;
    }, ct);

    /// <summary>
    /// Seals a checkpoint at record <paramref name="seq"/> (retention's seal: the last record it deletes), unless one is
    /// there already. Once the records up to it are gone, the verifier starts from this checkpoint.
    /// </summary>
    public Task<AuditCheckpoint> SealAtAsync(long seq, CancellationToken ct) => trail.RunAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!db.Database.IsSqlite())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockNumber})", ct);
        if (await db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Seq == seq, ct) is { } existing)
            return AuditCheckpoint.From(existing);
        var hash = await db.Entries.AsNoTracking().Where(r => r.Seq == seq).Select(r => r.Hash).SingleAsync(ct);
        var checkpoint = keys.Key.Sign(new AuditCheckpoint(seq, hash!, Chain.AuditChainEncoding.TruncateToMicroseconds(time.GetUtcNow().UtcTicks), "", ""));
        db.Checkpoints.Add(checkpoint.ToRow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return checkpoint;
    }, ct);
}
