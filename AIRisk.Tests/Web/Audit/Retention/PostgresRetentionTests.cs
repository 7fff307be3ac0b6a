using AIRisk.Tests.Web.Audit.Chain;
using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Checkpoints;
using AIRisk.Web.Audit.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AIRisk.Tests.Web.Audit.Retention;

/// <summary>
/// Retention on PostgreSQL: the nodes' role prunes only through the owner's <c>audit_prune</c>, which checks age by
/// the database's clock and a sealed checkpoint; the chain still verifies. Skipped where PostgreSQL is not installed.
/// </summary>
public sealed class PostgresRetentionTests(PostgresChainFixture fixture) : IClassFixture<PostgresChainFixture>, IAsyncDisposable
{
    private readonly List<ServiceProvider> _nodes = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("airisk-retention-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LocalPostgres Server => fixture.Server ?? throw new InvalidOperationException();

    [Fact]
    public async Task The_nodes_role_prunes_records_older_than_retention_and_the_chain_still_verifies()
    {
        var database = await PrepareAsync();
        var node = Node(database);
        await RecordAsync(node, 5);
        await AgeAsync(database, throughSeq: 3, years: 2);

        var pruned = await node.GetRequiredService<AuditPruner>().PruneAsync(Ct);

        Assert.Equal(3, pruned);
        Assert.Equal(["audit intact: 2 records, last checkpoint at record 3"], (await VerifyAsync(node)).Lines);
    }

    [Fact]
    public async Task The_nodes_role_can_neither_prune_records_within_retention_nor_shorten_retention_below_a_year_nor_delete_any()
    {
        var database = await PrepareAsync();
        var node = Node(database);
        await RecordAsync(node, 3);
        await node.GetRequiredService<AuditCheckpointSealer>().SealAtAsync(2, Ct);

        var prune = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.PsqlAsync(database, "SELECT audit_prune(12, 2);", "airisk_app"));
        var shortened = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.PsqlAsync(database, "SELECT audit_prune(1, 2);", "airisk_app"));
        var delete = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.PsqlAsync(database, "DELETE FROM audit_log WHERE seq = 1;", "airisk_app"));

        Assert.Contains("within the retention period", prune.Message, StringComparison.Ordinal);
        Assert.Contains("at least 12 months", shortened.Message, StringComparison.Ordinal);
        Assert.Contains("permission denied", delete.Message, StringComparison.Ordinal);
        Assert.Equal(["audit intact: 3 records, last checkpoint at record 2"], (await VerifyAsync(node)).Lines);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task RecordAsync(ServiceProvider node, int count)
    {
        var trail = node.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await trail.RecordAsync(new AuditEntry
            {
                AtUtc = DateTimeOffset.UnixEpoch,
                StaffId = $"staff-{i}",
                StaffName = $"Staff {i}",
                Action = AuditAction.ActAs,
                Outcome = AuditOutcome.Succeeded,
            }, Ct);
        }
    }

    /// <summary>
    /// As the superuser, moves the first records <paramref name="years"/> back and hashes the chain again, as if they had
    /// been written then (the database's clock stamps every record, so nothing else makes an old one).
    /// </summary>
    private Task AgeAsync(string database, long throughSeq, int years) => Server.PsqlAsync(database, $$"""
        ALTER TABLE audit_log DISABLE TRIGGER USER;
        DO $$
        DECLARE
            r audit_log;
            prev text := '{{AuditChainEncoding.Genesis}}';
        BEGIN
            FOR r IN SELECT * FROM audit_log ORDER BY seq LOOP
                IF r.seq <= {{throughSeq}} THEN
                    r.at_utc_ticks := r.at_utc_ticks - {{years}} * 366 * 864000000000;
                END IF;
                r.prev_hash := prev;
                r.hash := audit_chain_hash(prev, r);
                UPDATE audit_log SET at_utc_ticks = r.at_utc_ticks, prev_hash = r.prev_hash, hash = r.hash WHERE seq = r.seq;
                prev := r.hash;
            END LOOP;
            UPDATE audit_chain_head SET hash = prev WHERE id = 1;
        END $$;
        ALTER TABLE audit_log ENABLE TRIGGER USER;
        """);

    private Task<string> PrepareAsync() => fixture.PrepareDatabaseAsync(Ct);

    private ServiceProvider Node(string database)
    {
        var node = fixture.BuildNode(database, settings: new Dictionary<string, string?> { [AuditOptions.DataDirectoryKey] = _dataDirectory });
        _nodes.Add(node);
        return node;
    }

    private static Task<AuditVerification> VerifyAsync(ServiceProvider node) =>
        node.GetRequiredService<AuditTrail>().RunAsync(db => AuditChainCheck.RunAsync(db, node.GetRequiredService<AuditSigningKeyProvider>().Key, [], null, Ct), Ct);
}
