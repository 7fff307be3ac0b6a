using AIRisk.Web.Audit.Checkpoints;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit.Retention;

/// <summary>
/// Deletes audit records older than <see cref="AuditChainOptions.RetentionMonths"/>, never one the SIEM stream has not
/// delivered: it seals a checkpoint at the last record to go first, then deletes up to it, so the verifier starts from
/// that checkpoint and still finds the chain intact. On PostgreSQL the nodes' role cannot delete: the owner's
/// <c>audit_prune</c> function does, checking the rules again by the database's clock. On SQLite the app deletes, and
/// the append-only trigger lets only records at or below a sealed checkpoint go.
/// </summary>
internal sealed class AuditPruner(AuditTrail trail, AuditCheckpointSealer sealer, AuditChainOptions options, TimeProvider time)
{
    /// <returns>How many records were deleted.</returns>
    public async Task<long> PruneAsync(CancellationToken ct)
    {
        if (await trail.RunAsync(db => LastPrunableAsync(db, ct), ct) is not { } through)
            return 0;
        await sealer.SealAtAsync(through, ct);
        return await trail.RunAsync(db => DeleteThroughAsync(db, through, ct), ct);
    }

    /// <summary>The newest record older than retention, but for the newest of all, that every stream destination has delivered; <c>null</c> for none.</summary>
    private async Task<long?> LastPrunableAsync(AuditDbContext db, CancellationToken ct)
    {
        // PostgreSQL stamps records with its own clock, so their age is measured by it too.
        var now = db.Database.IsSqlite() ? time.GetUtcNow() : await ScalarAsync<DateTimeOffset>(db, "SELECT now() AS \"Value\"", ct);
        var cutoff = now.AddMonths(-options.RetentionMonths).UtcTicks;
        // The newest record always stays: with none left, its checkpoint would read as a deleted tail (truncated).
        var newest = await db.Entries.MaxAsync(r => (long?)r.Seq, ct) ?? 0;
        var oldest = await db.Entries.Where(r => r.AtUtcTicks < cutoff && r.Seq < newest).MaxAsync(r => (long?)r.Seq, ct);
        if (oldest is null || await DeliveredThroughAsync(db, ct) is not { } delivered)
            return oldest;
        return Math.Min(oldest.Value, delivered) is > 0 and var last ? last : null;
    }

    /// <summary>The lowest cursor over the stream's destinations (<c>audit_delivery</c>), or <c>null</c> when nothing is streamed.</summary>
    private static Task<long?> DeliveredThroughAsync(AuditDbContext db, CancellationToken ct) =>
        db.Deliveries.MinAsync(d => (long?)d.DeliveredThroughSeq, ct);

    private async Task<long> DeleteThroughAsync(AuditDbContext db, long through, CancellationToken ct) =>
        db.Database.IsSqlite()
            ? await db.Entries.Where(r => r.Seq <= through).ExecuteDeleteAsync(ct)
            : (await db.Database.SqlQuery<long>($"SELECT audit_prune({options.RetentionMonths}, {through}) AS \"Value\"").ToListAsync(ct))[0];

    private static async Task<T> ScalarAsync<T>(AuditDbContext db, string sql, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<T>(sql).ToListAsync(ct))[0];
}
