using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// On SQLite, hashes the records written before the chain existed (the migration numbered them; SQLite has no SHA-256
/// of its own), in order, once, and leaves the head at the last of them. Their hash is NULL until then, and only such a
/// record may be updated (the append-only trigger's WHEN). PostgreSQL's migration does the same in SQL.
/// </summary>
internal static class AuditChainBackfill
{
    private const int Batch = 1000;

    public static async Task RunAsync(AuditDbContext db, CancellationToken ct)
    {
        if (!await db.Entries.AnyAsync(r => r.Hash == null, ct))
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var previous = AuditChainEncoding.Genesis;
        long after = 0;
        while (true)
        {
            var rows = await db.Entries.Where(r => r.Seq > after).OrderBy(r => r.Seq).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0)
                break;
            foreach (var row in rows)
            {
                if (row.Hash is null)
                {
                    row.PrevHash = previous;
                    row.Hash = AuditChainEncoding.Hash(previous, row);
                }

                previous = row.Hash;
                after = row.Seq;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var head = await db.ChainHead.SingleAsync(ct);
        if (head.Seq == after)
            head.Hash = previous;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
