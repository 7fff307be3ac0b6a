using System.Text.Json.Nodes;
using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIRisk.Tests.Web.Audit.Streaming;

/// <summary>The outbox over a real SQLite audit database, sending to an in-process syslog listener.</summary>
public sealed class AuditStreamServiceTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("airisk-stream-").FullName;
    private readonly SyslogTestListener _listener = new();
    private readonly List<ServiceProvider> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_record_arrives_in_sequence_order_with_its_hash_and_its_OCSF_event()
    {
        var node = await StartNodeAsync(syslog: true);

        await RecordAsync(node, 5);

        var records = await RecordsArrivedAsync(5);
        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.Seq));
        Assert.All(records, r => Assert.Matches("^[0-9a-f]{64}$", r.Hash));
        Assert.All(records, r => Assert.Equal(r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)r.Ocsf["metadata"]!["uid"]!));
    }

    [Fact]
    public async Task A_receiver_that_is_down_for_a_while_loses_nothing_and_healthz_says_so_meanwhile()
    {
        var node = await StartNodeAsync(syslog: true);
        await RecordAsync(node, 3);
        await RecordsArrivedAsync(3);

        _listener.Stop();
        await RecordAsync(node, 4);
        await WaitUntilAsync(async () => (await HealthAsync(node)).Status == HealthStatus.Degraded);
        _listener.Restart();

        await WaitUntilAsync(() => Task.FromResult(Records(_listener.Messages).Select(r => r.Seq).Distinct().Count() == 7));
        var received = Records(_listener.Messages);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), received.Select(r => r.Seq).Distinct().Order());
        Assert.All(received.GroupBy(r => r.Seq), copies => Assert.Single(copies.Select(c => c.Hash).Distinct()));
        await WaitUntilAsync(async () => (await HealthAsync(node)).Status == HealthStatus.Healthy);
    }

    [Fact]
    public async Task A_node_frozen_mid_send_loses_its_lease_and_another_node_delivers_the_rest()
    {
        var frozen = await StartNodeAsync(syslog: false);
        await RecordAsync(frozen, 10);
        var stuck = new FrozenDestination();
        await StartServiceAsync(frozen, stuck);
        await stuck.Entered.Task.WaitAsync(Patience, Ct);

        await StartNodeAsync(syslog: true);

        var records = await RecordsArrivedAsync(10);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), records.Select(r => r.Seq));
    }

    [Fact]
    public async Task A_sealed_checkpoint_is_sent_as_its_own_message_with_its_line()
    {
        var node = await StartNodeAsync(syslog: true);
        await RecordAsync(node, 2);

        var sealedOne = await node.GetRequiredService<AIRisk.Web.Audit.Checkpoints.AuditCheckpointSealer>().SealIfDueAsync(force: true, Ct);

        // The node's own checkpoint service may seal one first (after record 1): pick the message of the one sealed here.
        var sealedData = $"seq=\"{sealedOne!.Seq}\" hash=\"{sealedOne.Hash}\"";
        bool IsSealedOne(string m) => m.Contains(" checkpoint [", StringComparison.Ordinal) && m.Contains(sealedData, StringComparison.Ordinal);
        await WaitUntilAsync(() => Task.FromResult(_listener.Messages.Any(IsSealedOne)));
        var checkpoint = _listener.Messages.First(IsSealedOne);
        Assert.EndsWith(AIRisk.Web.Audit.Checkpoints.AuditCheckpointLine.Format(sealedOne), checkpoint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(5, 300)]
    [InlineData(10_000, 300)]
    public void The_wait_after_failures_doubles_from_30_seconds_to_at_most_5_minutes_and_attempts_never_stop(int attempts, int seconds)
    {
        var service = new AuditStreamService([], null!, new AuditStreamStatus(), null!, new AuditStreamOptions(), TimeProvider.System, NullLogger<AuditStreamService>.Instance);

        Assert.Equal(TimeSpan.FromSeconds(seconds), service.Backoff(attempts));
    }

    /// <summary>A node of its own over the shared database; with <paramref name="syslog"/> it streams to the listener.</summary>
    private async Task<ServiceProvider> StartNodeAsync(bool syslog)
    {
        var settings = new Dictionary<string, string?>
        {
            [AuditOptions.DataDirectoryKey] = _directory,
            [AuditStreamOptions.RetryMinimumSecondsKey] = "0.1",
            [AuditStreamOptions.RetryMaximumSecondsKey] = "0.5",
            [AuditStreamOptions.LeaseSecondsKey] = "1",
            [AuditStreamOptions.LagDegradedSecondsKey] = "1",
        };
        if (syslog)
            settings[AuditStreamOptions.SyslogKey] = $"tcp://127.0.0.1:{_listener.Port}";
        var services = new ServiceCollection().AddLogging();
        services.AddAIRiskAudit(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "/");
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<AuditStreamOptions>().PollInterval = TimeSpan.FromMilliseconds(50);
        _nodes.Add(provider);
        foreach (var hosted in provider.GetServices<IHostedService>())
            await hosted.StartAsync(Ct);
        return provider;
    }

    private static async Task StartServiceAsync(ServiceProvider node, IAuditStreamDestination destination)
    {
        var service = new AuditStreamService([destination], node.GetRequiredService<AuditOutbox>(), node.GetRequiredService<AuditStreamStatus>(),
            node.GetRequiredService<AuditStreamMetrics>(), node.GetRequiredService<AuditStreamOptions>(), TimeProvider.System, NullLogger<AuditStreamService>.Instance);
        await service.StartAsync(Ct);
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
                TargetUserId = "user-1",
                TargetUserName = "Zoë",
            }, Ct);
        }
    }

    private static Task<HealthCheckResult> HealthAsync(ServiceProvider node) =>
        ActivatorUtilities.CreateInstance<AuditStreamHealthCheck>(node).CheckHealthAsync(new HealthCheckContext(), Ct);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>
    /// Waits for <paramref name="count"/> audit records, not messages: the node's own checkpoint service may send a
    /// checkpoint among them at any moment.
    /// </summary>
    private async Task<List<(long Seq, string Hash, JsonObject Ocsf)>> RecordsArrivedAsync(int count)
    {
        await WaitUntilAsync(() => Task.FromResult(Records(_listener.Messages).Count >= count));
        return Records(_listener.Messages);
    }

    /// <summary>The audit records among <paramref name="messages"/> (not checkpoints): sequence, hash and OCSF event.</summary>
    private static List<(long Seq, string Hash, JsonObject Ocsf)> Records(IEnumerable<string> messages) =>
    [
        .. messages.Where(m => !m.Contains(" checkpoint [", StringComparison.Ordinal)).Select(m =>
        {
            var sd = System.Text.RegularExpressions.Regex.Match(m, "\\[airisk@32473 seq=\"(\\d+)\" hash=\"([0-9a-f]*)\"\\] \uFEFF(.*)$");
            return (long.Parse(sd.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), sd.Groups[2].Value, JsonNode.Parse(sd.Groups[3].Value)!.AsObject());
        }),
    ];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            foreach (var hosted in node.GetServices<IHostedService>())
                await hosted.StopAsync(CancellationToken.None);
            await node.DisposeAsync();
        }

        await _listener.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
