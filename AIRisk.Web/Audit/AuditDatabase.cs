using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AIRisk.Web.Audit;

/// <summary>
/// Brings the audit database's schema up to date with its provider's EF Core migrations. Both providers make the
/// audit log append-only in the database itself (triggers; on PostgreSQL also no UPDATE, DELETE or TRUNCATE for
/// anyone but the owner), so even a bug in this app cannot rewrite history through SQL.
/// </summary>
internal static class AuditDatabase
{
    /// <summary>
    /// SQLite files made before migrations kept their schema by hand, its step in <c>PRAGMA user_version</c>; at this
    /// step they hold exactly what the first migration creates, which is then recorded as applied.
    /// </summary>
    private const int HandKeptSchemaVersion = 2;

    private const string HandKeptStepTwo = """
        ALTER TABLE audit_log ADD COLUMN session_id TEXT NULL;
        CREATE INDEX ix_audit_log_session ON audit_log (session_id);
        CREATE TABLE acting_session (
            id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL, target_user_id TEXT NOT NULL,
            target_user_name TEXT NOT NULL, target_role TEXT NULL, target_email TEXT NULL, reason TEXT NULL,
            started_utc_ticks INTEGER NOT NULL, last_activity_utc_ticks INTEGER NOT NULL, ended_utc_ticks INTEGER NULL,
            end_cause TEXT NULL);
        PRAGMA user_version = 2;
        """;

    public static async Task MigrateAsync(AuditDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            // Asked first: a node's role may read the schema but not change it (it is applied with --migrate).
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
                await db.Database.MigrateAsync(ct);
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // WAL lets the audit page read while circuits append.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await AdoptHandKeptSchemaAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            await Chain.AuditChainBackfill.RunAsync(db, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task AdoptHandKeptSchemaAsync(AuditDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        if (version == 0 || (await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            return;
        if (version == 1)
        {
            // A file of the release before acting sessions: its second hand-kept step, as that release's successor ran it.
            await db.Database.ExecuteSqlRawAsync(HandKeptStepTwo, ct);
        }
        else if (version != HandKeptSchemaVersion)
        {
            throw new InvalidOperationException($"The audit database's hand-kept schema is at step {version}, which this version does not know.");
        }

        var history = db.GetService<IHistoryRepository>();
        var first = db.Database.GetMigrations().First();
        await history.CreateIfNotExistsAsync(ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), ct);
    }
}
