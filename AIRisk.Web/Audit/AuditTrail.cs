using System.Data.Common;
using System.Runtime.CompilerServices;
using AIRisk.Web.Audit.Chain;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit;

/// <summary>
/// The audit trail in the audit database (a SQLite file under the data folder, or PostgreSQL shared by every node).
/// Appends go through EF Core one short transaction each; the database serialises writers (SQLite's busy timeout
/// absorbs contention), so concurrent circuits and nodes lose nothing. A database that cannot be reached fails the
/// write (and so the action) with <see cref="AuditUnavailableException"/>, and the next write tries again.
/// </summary>
internal sealed partial class AuditTrail(IDbContextFactory<AuditDbContext> contexts, AuditOptions options, AIRisk.Core.Telemetry.ConsoleTelemetry telemetry, ILogger<AuditTrail> logger) : IAuditTrail, IDisposable
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates the data folder and brings the schema up to date, once; a failure is retried on the next call.</summary>
    public async Task EnsureReadyAsync(CancellationToken ct)
    {
        if (_schemaReady)
            return;
        await _schemaGate.WaitAsync(ct);
        try
        {
            if (_schemaReady)
                return;
            if (!options.UsesPostgres)
                Directory.CreateDirectory(options.DataDirectory);
            await using var db = await contexts.CreateDbContextAsync(ct);
            await AuditDatabase.MigrateAsync(db, ct);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public async Task RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        try
        {
            await RunAsync(async db =>
            {
                await AuditChainAppender.AppendAsync(db, [AuditRow.From(entry)], ct);
                return 0;
            }, ct);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            LogWriteFailed(e, entry.Action, entry.Outcome);
            throw Unavailable("The audit trail could not record this action, so it was not done.", e, write: true);
        }
    }

    /// <summary>
    /// Runs one unit of work on a context of its own, off the caller's thread (Microsoft.Data.Sqlite does its I/O
    /// synchronously, even in its async methods: on a circuit's thread a write would hold back the render of a switch).
    /// On PostgreSQL the connection is checked first: one the server closed while it sat in the pool (a restart) is
    /// replaced before the work runs, so the first action after a restart does not fail for nothing, and the work
    /// itself runs once (re-running a write whose commit may have happened could record it twice).
    /// </summary>
    public Task<T> RunAsync<T>(Func<AuditDbContext, Task<T>> work, CancellationToken ct) => Task.Run(async () =>
    {
        await EnsureReadyAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (options.UsesPostgres)
            await OpenLiveConnectionAsync(db, ct);
        return await work(db);
    }, ct);

    private static async Task OpenLiveConnectionAsync(AuditDbContext db, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
        }
        catch (Exception e) when (ClosedWhilePooled(e))
        {
            await db.Database.CloseConnectionAsync();
            Npgsql.NpgsqlConnection.ClearAllPools();
            await db.Database.OpenConnectionAsync(ct);
        }
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        await EnsureReadyAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(ct);
        var rows = await filtered.OrderByDescending(r => r.Id).Skip(query.Skip).Take(query.Take).ToListAsync(ct);
        return new AuditPage([.. rows.Select(r => r.ToEntry())], total);
    }

    public async IAsyncEnumerable<AuditEntry> ExportAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await EnsureReadyAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var row in Filter(db, query).OrderByDescending(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return row.ToEntry();
    }

    private static IQueryable<AuditRow> Filter(AuditDbContext db, AuditQuery query)
    {
        var rows = db.Entries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Staff))
        {
            var staff = $"%{query.Staff.Trim()}%";
            rows = rows.Where(r => EF.Functions.Like(r.StaffName, staff) || EF.Functions.Like(r.StaffId, staff));
        }

        if (!string.IsNullOrWhiteSpace(query.Target))
        {
            var target = $"%{query.Target.Trim()}%";
            rows = rows.Where(r => EF.Functions.Like(r.TargetUserName!, target) || EF.Functions.Like(r.TargetUserId!, target));
        }

        if (query.Outcome is { } outcome)
        {
            var text = outcome.ToString();
            rows = rows.Where(r => r.Outcome == text);
        }

        if (query.FromUtc is { } from)
            rows = rows.Where(r => r.AtUtcTicks >= from.UtcTicks);
        if (query.ToUtc is { } to)
            rows = rows.Where(r => r.AtUtcTicks <= to.UtcTicks);
        if (query.SessionId is { } session)
            rows = rows.Where(r => r.SessionId == session);
        // A ticket's records: those of every session started for it, and the attempts refused for it (no session).
        if (!string.IsNullOrWhiteSpace(query.Ticket))
        {
            var ticket = query.Ticket.Trim();
            var refused = AuditTicket.Of(ticket);
            var sessions = db.Sessions.Where(s => s.Ticket == ticket).Select(s => s.Id);
            rows = rows.Where(r => sessions.Contains(r.SessionId!) || (r.SessionId == null && r.Detail == refused));
        }
        return rows;
    }

    /// <summary>What a database that is down, locked, full or refusing looks like, on either provider.</summary>
    public static bool IsUnavailable(Exception e) =>
        e is DbUpdateException or DbException or InvalidOperationException or IOException or TimeoutException;

    /// <summary>
    /// The failure as staff are told it. After a PostgreSQL restart the pool still holds connections the server closed;
    /// they are dropped here, so the next attempt (staff clicking again) connects afresh instead of failing once per
    /// pooled connection. Only then: clearing the pools on a timeout or a full pool (load, not a restart) would make
    /// every writer reconnect at once, and the load worse. A failed write is counted (<c>airisk.audit.write.failures</c>).
    /// </summary>
    public AuditUnavailableException Unavailable(string message, Exception e, bool write)
    {
        if (write)
            telemetry.AuditWriteFailed();
        if (ServerWentAway(e))
            Npgsql.NpgsqlConnection.ClearAllPools();
        return new AuditUnavailableException(message, e);
    }

    /// <summary>A connection the server closed: shut down or restarted (SQLSTATE class 57P, 08), or the socket broke.</summary>
    private static bool ServerWentAway(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is Npgsql.PostgresException postgres)
                return postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
            if (inner is Npgsql.NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or EndOfStreamException })
                return true;
        }

        return false;
    }

    /// <summary>The server ended this connection (57P01: terminated by an administrator, as a restart does to every connection).</summary>
    private static bool ClosedWhilePooled(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is Npgsql.PostgresException postgres)
                return postgres.SqlState == "57P01";
        }

        return false;
    }

    public void Dispose() => _schemaGate.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit record ({Action}, {Outcome})")]
    private partial void LogWriteFailed(Exception exception, AuditAction action, AuditOutcome outcome);
}
