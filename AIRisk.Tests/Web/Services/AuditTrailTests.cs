using AIRisk.Web.Services.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIRisk.Tests.Web.Services;

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
        foreach (var hosted in provider.GetServices<IHostedService>())
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
