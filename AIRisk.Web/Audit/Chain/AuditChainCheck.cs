using AIRisk.Web.Audit.Checkpoints;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// Verifies the chain in the database, streamed in sequence order, against the checkpoints stored with it and any
/// off-host copies. A checkpoint counts only if the key (from the key file, never the database) verifies
/// its signature; without a key every checkpoint is reported as a bad signature.
/// </summary>
internal static class AuditChainCheck
{
    public static async Task<AuditVerification> RunAsync(AuditDbContext db, IAuditCheckpointVerifier? key, IEnumerable<AuditCheckpoint> offHost, AuditChainPosition? after, CancellationToken ct)
    {
        var stored = await db.Checkpoints.AsNoTracking().ToListAsync(ct);
        var checkpoints = stored.Select(AuditCheckpoint.From).Concat(offHost).ToList();
        var verifier = new AuditChainVerifier(
            checkpoints.Where(c => key?.Verifies(c) == true),
            checkpoints.Where(c => key?.Verifies(c) != true).DistinctBy(c => c.Seq));
        var from = 0L;
        if (after is not null)
        {
            verifier.StartAfter(after.Seq, after.Hash, after.AtUtcTicks);
            from = after.Seq;
        }

        await foreach (var row in db.Entries.AsNoTracking().Where(r => r.Seq > from).OrderBy(r => r.Seq).AsAsyncEnumerable().WithCancellation(ct))
            verifier.Add(row);
        return verifier.Finish();
    }
}
