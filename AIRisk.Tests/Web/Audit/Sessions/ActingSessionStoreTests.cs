using System.Data.Common;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIRisk.Tests.Web.Audit.Sessions;

/// <summary>The store in the audit database, a SQLite file in a folder of its own; each node is an app's services over it.</summary>
public sealed class ActingSessionStoreTests : ActingSessionStoreContract, IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("airisk-sessions-").FullName;
    private readonly List<ServiceProvider> _nodes = [];

    protected override async Task<IActingSessionStore> OpenNodeAsync() =>
        (await StartNodeAsync()).GetRequiredService<IActingSessionStore>();

    protected override async Task<IReadOnlyList<AuditEntry>> TrailAsync(string sessionId)
    {
        var trail = (_nodes.FirstOrDefault() ?? await StartNodeAsync()).GetRequiredService<IAuditTrail>();
        var page = await trail.QueryAsync(new AuditQuery(Take: 1000) { SessionId = sessionId }, Ct);
        return [.. page.Items.Reverse()];
    }

    [Fact]
    public async Task An_open_session_from_before_leases_is_free_to_take_after_the_upgrade()
    {
        // As the release before leases left it: the hand-kept schema at its last step, one session open.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "audit.db")}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at_utc_ticks INTEGER NOT NULL, staff_id TEXT NOT NULL,
                    staff_name TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, target_user_id TEXT NULL,
                    target_user_name TEXT NULL, reason TEXT NULL, detail TEXT NULL, error TEXT NULL, session_id TEXT NULL);
                CREATE INDEX ix_audit_log_at ON audit_log (at_utc_ticks);
                CREATE INDEX ix_audit_log_session ON audit_log (session_id);
                CREATE TABLE acting_session (id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL,
                    target_user_id TEXT NOT NULL, target_user_name TEXT NOT NULL, target_role TEXT NULL, target_email TEXT NULL,
                    reason TEXT NULL, started_utc_ticks INTEGER NOT NULL, last_activity_utc_ticks INTEGER NOT NULL,
                    ended_utc_ticks INTEGER NULL, end_cause TEXT NULL);
                INSERT INTO acting_session (id, staff_id, staff_name, target_user_id, target_user_name, target_role, started_utc_ticks, last_activity_utc_ticks)
                    VALUES ('old-session', 'staff-1', 'Ann Admin', 'user-1', 'Una User', 'User', 639000000000000000, 639000000000000000);
                PRAGMA user_version = 2;
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        var store = await OpenNodeAsync();

        var result = await store.TryTakeLeaseAsync("old-session", "tab-a", T0, staleBefore: T0, Ct);

        Assert.Equal(LeaseResult.Taken, result);
        var session = (await store.FindAsync("old-session", Ct))!;
        Assert.Equal(new SessionLease("tab-a", true, T0), session.Lease);
        Assert.Equal(["User"], session.Target.Roles);
    }

    [Fact]
    public async Task A_record_holds_its_session_so_an_end_from_another_node_waits_until_it_is_written()
    {
        var ending = new EndBeforeTheRecordIsInserted();
        var one = (await StartNodeAsync(ending)).GetRequiredService<IActingSessionStore>();
        var two = await OpenNodeAsync();
        var id = await StartAsync(one, "tab-a", T0);
        ending.Arm(() => two.EndAsync(id, null, T0.AddMinutes(1), SessionEndCause.NodeLost, End(id, T0.AddMinutes(1)), [], Ct));

        await one.RecordAsync(id, "tab-a", Write(id, T0.AddMinutes(1)), Ct);

        Assert.True(await ending.Ended!);
        Assert.Equal([AuditAction.ActAs, AuditAction.Write, AuditAction.Stop], (await TrailAsync(id)).Select(e => e.Action));
    }

    private async Task<ServiceProvider> StartNodeAsync(IInterceptor? interceptor = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAIRiskAudit(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuditOptions.DataDirectoryKey] = _directory }).Build(), "/");
        if (interceptor is not null)
            services.ConfigureDbContext<SqliteAuditDbContext>(o => o.AddInterceptors(interceptor));
        var provider = services.BuildServiceProvider();
        _nodes.Add(provider);
        foreach (var hosted in provider.GetServices<IHostedService>())
            await hosted.StartAsync(Ct);
        return provider;
    }

    /// <summary>
    /// Once armed, starts another node's end of the session just before the next audit record is inserted, and gives it
    /// a second to finish: it can finish only if the record no longer holds the session's row.
    /// </summary>
    private sealed class EndBeforeTheRecordIsInserted : DbCommandInterceptor
    {
        private Func<Task<bool>>? _end;

        public Task<bool>? Ended { get; private set; }

        public void Arm(Func<Task<bool>> end) => _end = end;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"audit_log\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _end, null) is { } end)
            {
                Ended = Task.Run(end, cancellationToken);
                await Task.WhenAny(Ended, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken));
            }

            return result;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
