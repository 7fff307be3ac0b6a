using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Streaming;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Web.Alerts.Detection;

/// <summary>Audit health over a real audit trail: a stream more than 60 s behind, or a broken chain, once per episode.</summary>
public sealed class AuditHealthRuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stream_more_than_sixty_seconds_behind_raises_one_critical_alert_per_episode()
    {
        await using var node = await DetectionTrail.OpenAsync();
        var watch = Watch(node);

        await LagAsync(node, watch, TimeSpan.FromSeconds(61));
        await LagAsync(node, watch, TimeSpan.FromSeconds(300));
        var inFirstEpisode = await node.AlertsAsync();
        await LagAsync(node, watch, TimeSpan.Zero);
        node.Time.Advance(TimeSpan.FromMinutes(15));
        await LagAsync(node, watch, TimeSpan.FromSeconds(90));

        var alert = Assert.Single(inFirstEpisode);
        Assert.Equal((AlertRules.AuditHealth, AlertSeverity.Critical, "airisk-console"), (alert.Rule, alert.Severity, alert.Staff.Id));
        Assert.Equal("The audit stream 'syslog' is 61 s behind (12 records undelivered, more than 60 s); last error: connection refused.", alert.Summary);
        Assert.Equal(2, (await node.AlertsAsync()).Count);
    }

    [Fact]
    public async Task A_stream_sixty_seconds_behind_raises_nothing()
    {
        await using var node = await DetectionTrail.OpenAsync();

        await LagAsync(node, Watch(node), TimeSpan.FromSeconds(60));

        Assert.Empty(await node.AlertsAsync());
    }

    [Fact]
    public async Task A_broken_chain_raises_a_critical_alert_once()
    {
        await using var node = await DetectionTrail.OpenAsync();
        var watch = Watch(node);
        node.Get<AuditChainStatus>().Report(new AuditVerification(10, 0, [new AuditBreak(AuditBreakKind.Gap, 7)], 10, "", 0));

        await watch.CheckAsync(Ct);
        await watch.CheckAsync(Ct);

        var alert = Assert.Single(await node.AlertsAsync());
        Assert.Equal("The audit chain is broken: gap at record 7 (1 findings; run audit verify).", alert.Summary);
    }

    [Fact]
    public async Task Two_nodes_that_see_the_same_lag_raise_one_alert()
    {
        var directory = Directory.CreateTempSubdirectory("airisk-detect-").FullName;
        var time = new FakeTimeProvider(DetectionTrail.Tuesday);
        try
        {
            await using var first = await DetectionTrail.OpenAsync(directory: directory, time: time);
            await using var second = await DetectionTrail.OpenAsync(directory: directory, time: time);

            await LagAsync(first, Watch(first), TimeSpan.FromSeconds(75));
            time.Advance(TimeSpan.FromSeconds(10));
            await LagAsync(second, Watch(second), TimeSpan.FromSeconds(85));

            Assert.Single(await first.AlertsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static AuditHealthWatch Watch(DetectionTrail node) =>
        node.Get<IEnumerable<IHostedService>>().OfType<AuditHealthWatch>().Single();

    /// <summary>The outbox as this node last read it, then one look by the watch.</summary>
    private static async Task LagAsync(DetectionTrail node, AuditHealthWatch watch, TimeSpan oldest)
    {
        node.Get<AuditStreamStatus>().Report(oldest == TimeSpan.Zero ? AuditStreamLag.None("syslog") : new AuditStreamLag("syslog", 12, oldest, "connection refused"));
        await watch.CheckAsync(Ct);
        node.Time.Advance(TimeSpan.FromSeconds(10));
    }
}
