using AIRisk.Tests.Web.Audit.Chain;
using AIRisk.Web.Audit.Retention;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Web.Audit.Retention;

/// <summary>Retention on the SQLite trail: what goes, what stays, and that the chain still verifies afterwards.</summary>
public sealed class AuditRetentionTests : IAsyncDisposable
{
    private static readonly DateTimeOffset FourteenMonthsLater = SqliteChainFixture.T0.AddMonths(14);
    private readonly FakeTimeProvider _clock = new(SqliteChainFixture.T0);
    private readonly SqliteChainFixture _trail;

    public AuditRetentionTests() => _trail = new SqliteChainFixture(_clock, new() { ["AUDIT_RETENTION_MONTHS"] = "13" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AuditPruner Pruner => _trail.Services.GetRequiredService<AuditPruner>();

    [Fact]
    public async Task Records_older_than_retention_go_behind_a_sealed_checkpoint_and_the_trail_still_verifies()
    {
        await _trail.RecordAsync(5);
        _clock.SetUtcNow(FourteenMonthsLater);
        await _trail.RecordAsync(2, from: 5, start: FourteenMonthsLater);

        var pruned = await Pruner.PruneAsync(Ct);

        Assert.Equal(5, pruned);
        Assert.Equal(["audit intact: 2 records, last checkpoint at record 5"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task Records_within_retention_stay()
    {
        await _trail.RecordAsync(5);
        _clock.SetUtcNow(SqliteChainFixture.T0.AddMonths(12));

        var pruned = await Pruner.PruneAsync(Ct);

        Assert.Equal(0, pruned);
        Assert.Equal(["audit intact: 5 records, last checkpoint at record 0"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task A_record_tampered_with_after_pruning_is_still_found()
    {
        await _trail.RecordAsync(5);
        _clock.SetUtcNow(FourteenMonthsLater);
        await _trail.RecordAsync(3, from: 5, start: FourteenMonthsLater);
        await Pruner.PruneAsync(Ct);

        await _trail.TamperAsync("UPDATE audit_log SET staff_name = 'Mallory' WHERE seq = 7;");

        Assert.Equal(["audit broken: hash_mismatch at record 7"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task Records_deleted_behind_no_checkpoint_leave_a_gap_the_verifier_reports()
    {
        await _trail.RecordAsync(5);
        _clock.SetUtcNow(FourteenMonthsLater);
        await _trail.RecordAsync(3, from: 5, start: FourteenMonthsLater);
        await Pruner.PruneAsync(Ct);

        await _trail.TamperAsync("DELETE FROM audit_log WHERE seq <= 6;");

        Assert.Equal(["audit broken: gap at record 6"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task Only_records_the_stream_has_delivered_to_every_destination_are_pruned()
    {
        await _trail.RecordAsync(5);
        await _trail.TamperAsync("""
            INSERT INTO audit_delivery (destination, delivered_through_seq, lease_expires_utc_ticks, attempts, next_attempt_utc_ticks)
            VALUES ('syslog', 4, 0, 0, 0), ('otlp', 2, 0, 0, 0);
            """);
        _clock.SetUtcNow(FourteenMonthsLater);

        var pruned = await Pruner.PruneAsync(Ct);

        Assert.Equal(2, pruned);
        Assert.Equal(["audit intact: 3 records, last checkpoint at record 2"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task The_append_only_trigger_refuses_deleting_a_record_no_checkpoint_covers()
    {
        await _trail.RecordAsync(5);
        await _trail.SealAsync();
        await _trail.RecordAsync(2, from: 5);
        await using var connection = new SqliteConnection($"Data Source={_trail.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();

        command.CommandText = "DELETE FROM audit_log WHERE seq = 6;";
        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));
        command.CommandText = "DELETE FROM audit_log WHERE seq <= 5;";
        var allowed = await command.ExecuteNonQueryAsync(Ct);

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.Equal(5, allowed);
    }

    [Fact]
    public async Task The_retention_job_prunes_at_start_and_again_a_day_later_keeping_the_newest_record()
    {
        await _trail.RecordAsync(5);
        await _trail.RecordAsync(5, from: 5, start: SqliteChainFixture.T0.AddDays(1));
        _clock.SetUtcNow(SqliteChainFixture.T0.AddMonths(13).AddHours(12));
        var job = ActivatorUtilities.CreateInstance<AuditRetentionService>(_trail.Services);

        await job.StartAsync(Ct);
        var atStart = await WaitForRecordsAsync(5);
        _clock.Advance(AuditRetentionService.Every);
        var aDayLater = await WaitForRecordsAsync(1);
        await job.StopAsync(Ct);

        Assert.Equal(5, atStart);
        Assert.Equal(1, aDayLater);
    }

    [Fact]
    public async Task A_trail_older_than_retention_keeps_its_newest_record_and_stays_intact()
    {
        await _trail.RecordAsync(5);
        _clock.SetUtcNow(FourteenMonthsLater);

        var pruned = await Pruner.PruneAsync(Ct);

        Assert.Equal(4, pruned);
        Assert.Equal(["audit intact: 1 records, last checkpoint at record 4"], (await _trail.VerifyAsync()).Lines);
    }

    public ValueTask DisposeAsync() => _trail.DisposeAsync();

    // The job runs on its own thread: its daily pass is awaited through what it changes.
    private async Task<long> WaitForRecordsAsync(long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long records;
        while ((records = (await _trail.VerifyAsync()).Records) != expected && DateTime.UtcNow < deadline)
            await Task.Delay(50, Ct);
        return records;
    }
}
