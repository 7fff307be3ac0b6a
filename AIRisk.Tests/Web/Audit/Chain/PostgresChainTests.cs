using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Chain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AIRisk.Tests.Web.Audit.Chain;

/// <summary>
/// The chain as PostgreSQL makes it (the trigger, the database's clock, the grants), checked by the C# verifier: the
/// two must agree byte for byte. Skipped where PostgreSQL is not installed.
/// </summary>
public sealed class PostgresChainTests(PostgresChainFixture fixture) : IClassFixture<PostgresChainFixture>, IAsyncDisposable
{
    private readonly List<ServiceProvider> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LocalPostgres Server => fixture.Server ?? throw new InvalidOperationException();

    [Fact]
    public async Task Two_nodes_writing_at_once_make_one_chain_the_verifier_accepts()
    {
        var database = await PrepareAsync();
        var one = Node(database);
        var two = Node(database);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? one : two).RecordAsync(Entry(i), Ct)));
        var result = await VerifyAsync(one);

        Assert.Equal(["audit intact: 40 records, last checkpoint at record 0"], result.Lines);
    }

    [Fact]
    public async Task The_nodes_role_cannot_choose_a_records_sequence_time_or_hash()
    {
        var database = await PrepareAsync();
        await Node(database).RecordAsync(Entry(0), Ct);

        var named = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.PsqlAsync(database,
            "INSERT INTO audit_log (seq, at_utc_ticks, hash, prev_hash, staff_id, staff_name, action, outcome) VALUES (7, 1, 'x', 'y', 'm', 'M', 'ActAs', 'Succeeded');", "airisk_app"));
        await Server.PsqlAsync(database, "INSERT INTO audit_log (staff_id, staff_name, action, outcome) VALUES ('m', 'M', 'ActAs', 'Succeeded');", "airisk_app");
        var result = await VerifyAsync(Node(database));

        Assert.Contains("permission denied", named.Message, StringComparison.Ordinal);
        Assert.Equal(["audit intact: 2 records, last checkpoint at record 0"], result.Lines);
    }

    [Fact]
    public async Task A_record_written_with_the_chains_trigger_dropped_is_found()
    {
        var database = await PrepareAsync();
        var node = Node(database);
        for (var i = 0; i < 3; i++)
            await node.RecordAsync(Entry(i), Ct);

        await Server.PsqlAsync(database, """
            DROP TRIGGER audit_log_chain ON audit_log;
            INSERT INTO audit_log (seq, at_utc_ticks, prev_hash, hash, staff_id, staff_name, action, outcome)
                SELECT 4, at_utc_ticks + 10, hash, hash, 'mallory', 'Mallory', 'ActAs', 'Succeeded' FROM audit_log WHERE seq = 3;
            """, "airisk_owner");

        Assert.Equal(["audit broken: hash_mismatch at record 4"], (await VerifyAsync(node)).Lines);
    }

    [Fact]
    public async Task An_ended_session_cannot_be_unended_even_by_the_owner()
    {
        var database = await PrepareAsync();
        await Server.PsqlAsync(database, """
            INSERT INTO acting_session (id, staff_id, staff_name, target_user_id, target_user_name, started_utc_ticks, last_activity_utc_ticks, ended_utc_ticks, end_cause, lease_connected)
                VALUES ('s1', 'a', 'A', 'u', 'U', 1, 1, 2, 'Stopped', false);
            """, "airisk_app");

        var unend = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.PsqlAsync(database, "UPDATE acting_session SET ended_utc_ticks = NULL WHERE id = 's1';", "airisk_owner"));
        var restart = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.PsqlAsync(database, "UPDATE acting_session SET started_utc_ticks = 5 WHERE id = 's1';", "airisk_app"));

        Assert.Contains("cannot be un-ended", unend.Message, StringComparison.Ordinal);
        Assert.Contains("permission denied", restart.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private Task<string> PrepareAsync() => fixture.PrepareDatabaseAsync(Ct);

    private AuditTrail Node(string database)
    {
        var node = fixture.BuildNode(database);
        _nodes.Add(node);
        return node.GetRequiredService<AuditTrail>();
    }

    private static Task<AuditVerification> VerifyAsync(AuditTrail trail) =>
        trail.RunAsync(db => AuditChainCheck.RunAsync(db, null, [], null, Ct), Ct);

    private static AuditEntry Entry(int i) => new()
    {
        AtUtc = DateTimeOffset.UnixEpoch,
        StaffId = $"staff-{i}",
        StaffName = $"Zoë {i}",
        Action = AuditAction.ActAs,
        Outcome = AuditOutcome.Succeeded,
        TargetUserId = $"user-{i}",
        Reason = i % 3 == 0 ? "" : null,
        Detail = "détail \u2028 ✓",
        ClientIp = "203.0.113.7",
        UserAgent = "Mozilla/5.0",
    };
}
