using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AIRisk.Web.Services.Audit;

/// <summary>
/// The versioned schema of the audit database: each step runs once, in order, in a transaction, and
/// <c>PRAGMA user_version</c> records how far a file has got. Triggers make the audit log append-only, so even a bug
/// in this app cannot rewrite history through SQL; acting sessions are current state (their history is the log).
/// </summary>
internal static class AuditSchema
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc_ticks INTEGER NOT NULL,
            staff_id TEXT NOT NULL,
            staff_name TEXT NOT NULL,
            action TEXT NOT NULL,
            outcome TEXT NOT NULL,
            target_user_id TEXT NULL,
            target_user_name TEXT NULL,
            reason TEXT NULL,
            detail TEXT NULL,
            error TEXT NULL
        );
        CREATE INDEX ix_audit_log_at ON audit_log (at_utc_ticks);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """,
        """
        ALTER TABLE audit_log ADD COLUMN session_id TEXT NULL;
        CREATE INDEX ix_audit_log_session ON audit_log (session_id);
        CREATE TABLE acting_session (
            id TEXT PRIMARY KEY,
            staff_id TEXT NOT NULL,
            staff_name TEXT NOT NULL,
            target_user_id TEXT NOT NULL,
            target_user_name TEXT NOT NULL,
            target_role TEXT NULL,
            target_email TEXT NULL,
            reason TEXT NULL,
            started_utc_ticks INTEGER NOT NULL,
            last_activity_utc_ticks INTEGER NOT NULL,
            ended_utc_ticks INTEGER NULL,
            end_cause TEXT NULL
        );
        """,
    ];

    public static int LatestVersion => Steps.Length;

    public static async Task<int> ReadVersionAsync(AuditDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    // PRAGMA takes no parameters; the value is our own step number, never input.
    private static async Task SetVersionAsync(AuditDbContext db, int version, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture) + ";";
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task ApplyAsync(AuditDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // WAL lets the audit page read while circuits append.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            for (var step = await ReadVersionAsync(db, ct); step < Steps.Length; step++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlRawAsync(Steps[step], ct);
                await SetVersionAsync(db, step + 1, ct);
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
