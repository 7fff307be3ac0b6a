using AIRisk.Web.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIRisk.Tests.Web.Audit;

public sealed class AuditTrailTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("airisk-audit-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_survive_a_restart_of_the_store()
    {
        await using (var first = await OpenAsync())
        {
            await first.GetRequiredService<IAuditTrail>().RecordAsync(Entry("ann", "u1", AuditOutcome.Succeeded), Ct);
            await first.GetRequiredService<IAuditTrail>().RecordAsync(Entry("bob", "u2", AuditOutcome.Refused), Ct);
        }

        SqliteConnection.ClearAllPools();
        await using var second = await OpenAsync();
        var page = await second.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(), Ct);

        Assert.Equal(2, page.Total);
        Assert.Equal(["bob", "ann"], page.Items.Select(e => e.StaffName));
        Assert.Equal(AuditOutcome.Refused, page.Items[0].Outcome);
    }

    [Fact]
    public async Task Fifty_circuits_writing_at_once_lose_nothing()
    {
        await using var services = await OpenAsync();
        var audit = services.GetRequiredService<IAuditTrail>();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < 4; n++)
                await audit.RecordAsync(Entry($"staff-{i}", $"user-{n}", AuditOutcome.Succeeded), Ct);
        }, Ct)));

        var page = await audit.QueryAsync(new AuditQuery(Take: 1), Ct);
        Assert.Equal(200, page.Total);
    }

    [Fact]
    public async Task The_table_refuses_updates_and_deletes()
    {
        await using var services = await OpenAsync();
        await services.GetRequiredService<IAuditTrail>().RecordAsync(Entry("ann", "u1", AuditOutcome.Succeeded), Ct);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "audit.db")}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();

        command.CommandText = "DELETE FROM audit_log;";
        var delete = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));
        command.CommandText = "UPDATE audit_log SET staff_name = 'mallory';";
        var update = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_staff_target_outcome_and_time()
    {
        await using var services = await OpenAsync();
        var audit = services.GetRequiredService<IAuditTrail>();
        var start = DateTimeOffset.UtcNow;
        await audit.RecordAsync(Entry("Ann Admin", "user-1", AuditOutcome.Succeeded) with { AtUtc = start }, Ct);
        await audit.RecordAsync(Entry("Bob Support", "user-2", AuditOutcome.Failed) with { AtUtc = start.AddMinutes(5) }, Ct);
        await audit.RecordAsync(Entry("Ann Admin", "user-2", AuditOutcome.Refused) with { AtUtc = start.AddMinutes(10) }, Ct);

        var byStaff = await audit.QueryAsync(new AuditQuery(Staff: "ann"), Ct);
        var byTarget = await audit.QueryAsync(new AuditQuery(Target: "user-2"), Ct);
        var byOutcome = await audit.QueryAsync(new AuditQuery(Outcome: AuditOutcome.Failed), Ct);
        var byTime = await audit.QueryAsync(new AuditQuery(FromUtc: start.AddMinutes(1), ToUtc: start.AddMinutes(6)), Ct);

        Assert.Equal(2, byStaff.Total);
        Assert.Equal(2, byTarget.Total);
        Assert.Equal("Bob Support", Assert.Single(byOutcome.Items).StaffName);
        Assert.Equal("Bob Support", Assert.Single(byTime.Items).StaffName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_file_whose_schema_was_kept_by_hand_keeps_its_records_and_gets_the_new_tables(int step)
    {
        // As the app made it before migrations: the hand-kept steps up to step, PRAGMA user_version = step, one record.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "audit.db")}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at_utc_ticks INTEGER NOT NULL, staff_id TEXT NOT NULL,
                    staff_name TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, target_user_id TEXT NULL,
                    target_user_name TEXT NULL, reason TEXT NULL, detail TEXT NULL, error TEXT NULL);
                CREATE INDEX ix_audit_log_at ON audit_log (at_utc_ticks);
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                INSERT INTO audit_log (at_utc_ticks, staff_id, staff_name, action, outcome) VALUES (638000000000000000, 'old', 'Old Record', 'ActAs', 'Succeeded');
                PRAGMA user_version = 1;
                """ + (step == 1 ? "" : """
                ALTER TABLE audit_log ADD COLUMN session_id TEXT NULL;
                CREATE INDEX ix_audit_log_session ON audit_log (session_id);
                CREATE TABLE acting_session (id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL,
                    target_user_id TEXT NOT NULL, target_user_name TEXT NOT NULL, target_role TEXT NULL, target_email TEXT NULL,
                    reason TEXT NULL, started_utc_ticks INTEGER NOT NULL, last_activity_utc_ticks INTEGER NOT NULL,
                    ended_utc_ticks INTEGER NULL, end_cause TEXT NULL);
                PRAGMA user_version = 2;
                """);
            await command.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        await using var services = await OpenAsync();
        var audit = services.GetRequiredService<IAuditTrail>();
        await audit.RecordAsync(Entry("new", "u1", AuditOutcome.Succeeded), Ct);

        var page = await audit.QueryAsync(new AuditQuery(), Ct);
        Assert.Equal(["new", "Old Record"], page.Items.Select(e => e.StaffName));
        await using var check = new SqliteConnection($"Data Source={Path.Combine(_directory, "audit.db")}");
        await check.OpenAsync(Ct);
        await using var tables = check.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'data_protection_keys';";
        Assert.Equal(1L, await tables.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task An_unwritable_store_reports_itself_unavailable()
    {
        await using var services = await OpenAsync();
        File.Delete(Path.Combine(_directory, "audit.db"));
        Directory.Delete(_directory, recursive: true);
        SqliteConnection.ClearAllPools();

        await Assert.ThrowsAsync<AuditUnavailableException>(() =>
            services.GetRequiredService<IAuditTrail>().RecordAsync(Entry("ann", "u1", AuditOutcome.Succeeded), Ct));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<ServiceProvider> OpenAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAIRiskAudit(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuditOptions.DataDirectoryKey] = _directory }).Build(), "/");
        var provider = services.BuildServiceProvider();
        // The schema only: the checkpoint and retention services would seal what these tests write, at a moment of
        // their own, and a sealed record may be pruned (AuditRetentionTests covers that path).
        foreach (var hosted in provider.GetServices<IHostedService>().OfType<AuditDatabaseInitializer>())
            await hosted.StartAsync(Ct);
        return provider;
    }

    private static AuditEntry Entry(string staff, string target, AuditOutcome outcome) => new()
    {
        AtUtc = DateTimeOffset.UtcNow,
        StaffId = staff,
        StaffName = staff,
        Action = AuditAction.ActAs,
        Outcome = outcome,
        TargetUserId = target,
        TargetUserName = target,
    };
}
