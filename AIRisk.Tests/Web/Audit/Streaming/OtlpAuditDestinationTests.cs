using System.Globalization;
using System.Text.Json.Nodes;
using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Checkpoints;
using AIRisk.Web.Audit.Streaming;
using AIRisk.Web.Hosting.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AIRisk.Tests.Web.Audit.Streaming;

/// <summary>
/// The outbox over a real SQLite audit database, posting OTLP/JSON to an in-process receiver that reads the encoding
/// strictly (a request that bends it is answered 400 and nothing arrives).
/// </summary>
public sealed class OtlpAuditDestinationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("airisk-otlp-").FullName;
    private readonly List<ServiceProvider> _nodes = [];
    private OtlpTestReceiver _receiver = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _receiver = await OtlpTestReceiver.StartAsync(Ct);

    [Fact]
    public async Task Every_record_arrives_in_sequence_order_as_a_log_record_with_its_seq_and_hash_and_its_OCSF_event_as_body()
    {
        var node = await StartNodeAsync();

        var written = await RecordAsync(node, 5);

        var records = await RecordsArrivedAsync(5);
        Assert.Empty(_receiver.Violations);
        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.Seq));
        Assert.All(records, r => Assert.Matches("^[0-9a-f]{64}$", r.Hash));
        Assert.All(records, r => Assert.Equal(r.Seq.ToString(CultureInfo.InvariantCulture), (string)JsonNode.Parse(r.Body)!["metadata"]!["uid"]!));
        Assert.All(records, r => Assert.Equal(6003L, r.Attributes["ocsf.class_uid"]));
        Assert.All(records, r => Assert.Equal("airisk.audit.viewed", r.Attributes["event.name"]));
        Assert.All(records, r => Assert.Equal(("AIRisk.Console", 9), (r.ServiceName, r.SeverityNumber)));
        Assert.Equal(written.Select(w => w.AtUtc.UtcTicks / 10), records.Select(r => r.Time.UtcTicks / 10));
    }

    [Fact]
    public async Task A_sealed_checkpoint_arrives_as_its_own_log_record_with_its_line_as_body()
    {
        var node = await StartNodeAsync();
        await RecordAsync(node, 2);

        var sealedOne = await node.GetRequiredService<AuditCheckpointSealer>().SealIfDueAsync(force: true, Ct);

        var arrived = await _receiver.WaitForAsync(r => r.Any(x => x.Body == AuditCheckpointLine.Format(sealedOne!)), Patience);
        var checkpoint = arrived.First(x => x.Body == AuditCheckpointLine.Format(sealedOne!));
        Assert.Equal((sealedOne!.Seq, sealedOne.Hash, "airisk.audit.checkpoint"), (checkpoint.Seq, checkpoint.Hash, checkpoint.EventName));
        Assert.False(checkpoint.Attributes.ContainsKey("ocsf.class_uid"));
    }

    [Fact]
    public async Task A_receiver_that_is_down_for_a_while_loses_nothing_and_healthz_says_so_meanwhile()
    {
        var node = await StartNodeAsync();
        await RecordAsync(node, 3);
        await RecordsArrivedAsync(3);

        await _receiver.StopAsync();
        await RecordAsync(node, 4);
        await WaitUntilAsync(async () => (await HealthAsync(node)).Status == HealthStatus.Degraded);
        await _receiver.RestartAsync(Ct);

        var received = await _receiver.WaitForAsync(r => AuditRecords(r).Select(x => x.Seq).Distinct().Count() == 7, Patience);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), AuditRecords(received).Select(r => r.Seq).Distinct().Order());
        Assert.All(AuditRecords(received).GroupBy(r => r.Seq), copies => Assert.Single(copies.Select(c => c.Hash).Distinct()));
        await WaitUntilAsync(async () => (await HealthAsync(node)).Status == HealthStatus.Healthy);
    }

    [Fact]
    public async Task Records_answered_400_are_sent_again_until_the_receiver_takes_them()
    {
        _receiver.AnswerNext(2, 400, """{"code":3,"message":"log records refused"}""", appliesTo: r => AuditRecords(r).Count > 0);
        var node = await StartNodeAsync();

        await RecordAsync(node, 3);

        var records = await RecordsArrivedAsync(3);
        Assert.Equal([1L, 2, 3], records.Select(r => r.Seq));
        Assert.True(_receiver.Requests >= 3, $"{_receiver.Requests} requests: the refused batch was not sent again.");
    }

    [Fact]
    public async Task A_partial_success_with_rejected_records_sends_the_whole_batch_again()
    {
        _receiver.AnswerNext(1, 200, """{"partialSuccess":{"rejectedLogRecords":"1","errorMessage":"one record too large"}}""",
            keepRecords: true, appliesTo: r => AuditRecords(r).Count > 0);
        var node = await StartNodeAsync();

        await RecordAsync(node, 3);

        var received = await _receiver.WaitForAsync(r => AuditRecords(r).Count(x => x.Seq == 1) >= 2 && AuditRecords(r).Any(x => x.Seq == 3), Patience);
        Assert.Equal([1L, 2, 3], AuditRecords(received).Select(r => r.Seq).Distinct().Order());
    }

    [Fact]
    public async Task The_headers_of_OTEL_EXPORTER_OTLP_HEADERS_go_with_every_post_percent_decoded()
    {
        var node = await StartNodeAsync(headers: "x-api-key=s%3Dcr%2Cet , x-tenant=audit");

        await RecordAsync(node, 1);

        await RecordsArrivedAsync(1);
        Assert.Equal(("s=cr,et", "audit"), (_receiver.LastHeaders["x-api-key"], _receiver.LastHeaders["x-tenant"]));
    }

    /// <summary>A node of its own over the shared database, streaming to the receiver.</summary>
    private async Task<ServiceProvider> StartNodeAsync(string? headers = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [AuditOptions.DataDirectoryKey] = _directory,
            [TelemetryOptions.OtlpEndpointKey] = _receiver.Endpoint.ToString(),
            [OtlpLogsEndpoint.HeadersKey] = headers,
            [AuditStreamOptions.RetryMinimumSecondsKey] = "0.1",
            [AuditStreamOptions.RetryMaximumSecondsKey] = "0.5",
            [AuditStreamOptions.LeaseSecondsKey] = "1",
            [AuditStreamOptions.LagDegradedSecondsKey] = "1",
        };
        var services = new ServiceCollection().AddLogging();
        services.AddAIRiskAudit(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "/");
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<AuditStreamOptions>().PollInterval = TimeSpan.FromMilliseconds(50);
        _nodes.Add(provider);
        foreach (var hosted in provider.GetServices<IHostedService>())
            await hosted.StartAsync(Ct);
        return provider;
    }

    private static async Task<List<AuditEntry>> RecordAsync(ServiceProvider node, int count)
    {
        var audit = node.GetRequiredService<IAuditTrail>();
        List<AuditEntry> written = [];
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditEntry
            {
                AtUtc = DateTimeOffset.UtcNow,
                StaffId = "staff-1",
                StaffName = "Ann",
                Action = AuditAction.Viewed,
                Outcome = AuditOutcome.Succeeded,
                TargetUserId = "user-1",
                TargetUserName = "Zoë",
            };
            await audit.RecordAsync(entry, Ct);
            written.Add(entry);
        }

        return written;
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

    /// <summary>Waits for <paramref name="count"/> audit records: the node's own checkpoint service may send a checkpoint among them.</summary>
    private async Task<List<ReceivedOtlpLogRecord>> RecordsArrivedAsync(int count) =>
        AuditRecords(await _receiver.WaitForAsync(r => AuditRecords(r).Count >= count, Patience));

    private static List<ReceivedOtlpLogRecord> AuditRecords(IEnumerable<ReceivedOtlpLogRecord> records) =>
        [.. records.Where(r => r.EventName != OtlpLogsRequest.CheckpointEventName)];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            foreach (var hosted in node.GetServices<IHostedService>())
                await hosted.StopAsync(CancellationToken.None);
            await node.DisposeAsync();
        }

        await _receiver.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
