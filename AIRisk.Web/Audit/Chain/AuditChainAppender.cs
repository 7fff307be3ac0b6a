using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// Appends records to the audit log as links of the hash chain. On PostgreSQL the database does it: a BEFORE INSERT
/// trigger sets the sequence, the time (its own clock) and the hashes, overriding anything sent, so those columns are
/// left out of the insert. On SQLite (one writer) the app does it here, inside the write transaction that inserts them:
/// it moves the chain's head and hashes each record after the one before.
/// </summary>
internal static class AuditChainAppender
{
    /// <summary>Adds <paramref name="rows"/> and saves every pending change, in the caller's transaction or one of its own.</summary>
    public static async Task AppendAsync(AuditDbContext db, IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            foreach (var row in rows)
            {
                // Defaults: EF Core leaves these columns out of the INSERT and reads back what the trigger set.
                row.Seq = 0;
                row.AtUtcTicks = 0;
                row.PrevHash = null;
                row.Hash = null;
            }

            db.Entries.AddRange(rows);
            await db.SaveChangesAsync(ct);
            return;
        }

        // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is held before the head is read.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var head = await db.ChainHead.SingleAsync(ct);
        foreach (var row in rows)
        {
            row.Seq = head.Seq + 1;
            // Never before the record it follows: a record made a moment earlier may take the lock a moment later.
            row.AtUtcTicks = Math.Max(AuditChainEncoding.TruncateToMicroseconds(row.AtUtcTicks), head.AtUtcTicks);
            row.PrevHash = head.Hash;
            row.Hash = AuditChainEncoding.Hash(head.Hash, row);
            head.Seq = row.Seq;
            head.Hash = row.Hash;
            head.AtUtcTicks = row.AtUtcTicks;
        }

        db.Entries.AddRange(rows);
        await db.SaveChangesAsync(ct);
        if (own is not null)
            await own.CommitAsync(ct);
    }
}
