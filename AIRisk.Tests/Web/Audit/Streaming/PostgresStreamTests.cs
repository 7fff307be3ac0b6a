using AIRisk.Tests.Web.Audit.Chain;
using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AIRisk.Tests.Web.Audit.Streaming;

/// <summary>
/// The outbox as a cluster runs it: two nodes on one PostgreSQL database, as the nodes' role, sending to one syslog
/// receiver. Skipped where PostgreSQL is not installed.
/// </summary>
public sealed class PostgresStreamTests(PostgresChainFixture fixture) : IClassFixture<PostgresChainFixture>, IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("airisk-pg-stream-").FullName;
    private readonly SyslogTestListener _listener = new();
    private readonly List<ServiceProvider> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_frozen_mid_send_loses_its_lease_and_the_other_node_delivers_every_record_in_order()
    {
        var database = await fixture.PrepareDatabaseAsync(Ct);
        var frozen = Node(database, syslog: false);
        await RecordAsync(frozen, 10);
        var stuck = new FrozenDestination();
        await new AuditStreamService([stuck], frozen.GetRequiredService<AuditOutbox>(), frozen.GetRequiredService<AuditStreamStatus>(),
            frozen.GetRequiredService<AuditStreamMetrics>(), frozen.GetRequiredService<AuditStreamOptions>(), TimeProvider.System,
            NullLogger<AuditStreamService>.Instance).StartAsync(Ct);
        await stuck.Entered.Task.WaitAsync(Patience, Ct);

        await StartAsync(Node(database, syslog: true));

        await WaitUntilAsync(() => Seqs().Count >= 10);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Seqs());
    }

    [Fact]
    public async Task Records_written_by_both_nodes_while_the_receiver_is_down_all_arrive_once_it_is_back()
    {
        var database = await fixture.PrepareDatabaseAsync(Ct);
        var (first, second) = (Node(database, syslog: true), Node(database, syslog: true));
        await StartAsync(first);
        await StartAsync(second);
        _listener.Stop();

        await RecordAsync(first, 3);
        await RecordAsync(second, 3);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        _listener.Restart();

        await WaitUntilAsync(() => Seqs().Distinct().Count() >= 6);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), Seqs().Distinct().Order());
    }

    private ServiceProvider Node(string database, bool syslog)
    {
        var settings = new Dictionary<string, string?>
        {
            [AuditOptions.DataDirectoryKey] = _dataDirectory,
            [AuditStreamOptions.RetryMinimumSecondsKey] = "0.1",
            [AuditStreamOptions.RetryMaximumSecondsKey] = "0.5",
            [AuditStreamOptions.LeaseSecondsKey] = "1",
        };
        if (syslog)
            settings[AuditStreamOptions.SyslogKey] = $"tcp://127.0.0.1:{_listener.Port}";
        var node = fixture.BuildNode(database, settings: settings);
        node.GetRequiredService<AuditStreamOptions>().PollInterval = TimeSpan.FromMilliseconds(50);
        _nodes.Add(node);
        return node;
    }

    private static async Task StartAsync(ServiceProvider node)
    {
        foreach (var hosted in node.GetServices<IHostedService>())
            await hosted.StartAsync(Ct);
    }

    private static async Task RecordAsync(ServiceProvider node, int count)
    {
        var audit = node.GetRequiredService<IAuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.RecordAsync(new AuditEntry
            {
                AtUtc = DateTimeOffset.UtcNow,
                StaffId = "staff-1",
                StaffName = "Ann",
                Action = AuditAction.Viewed,
                Outcome = AuditOutcome.Succeeded,
                TargetUserId = $"user-{i}",
            }, Ct);
        }
    }

    /// <summary>The sequence numbers of the audit records received so far (not checkpoints), in arrival order.</summary>
    private List<long> Seqs() =>
    [
        .. _listener.Messages.Where(m => !m.Contains(" checkpoint [", StringComparison.Ordinal))
            .Select(m => System.Text.RegularExpressions.Regex.Match(m, "seq=\"(\\d+)\""))
            .Where(m => m.Success)
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(50, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            foreach (var hosted in node.GetServices<IHostedService>())
                await hosted.StopAsync(CancellationToken.None);
            await node.DisposeAsync();
        }

        await _listener.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
