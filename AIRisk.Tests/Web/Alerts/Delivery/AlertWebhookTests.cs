using System.Text.Json.Nodes;
using AIRisk.TestSupport;
using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Alerts.Delivery;

/// <summary>The webhook through the audit stream's outbox, over a real SQLite trail, to an in-process receiver.</summary>
public sealed class AlertWebhookTests : IAsyncLifetime
{
    private const string Secret = "whsec-0123456789abcdef-test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private WebhookTestReceiver _receiver = null!;
    private readonly List<AlertDeliveryNode> _nodes = [];

    public async ValueTask InitializeAsync() => _receiver = await WebhookTestReceiver.StartAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_alert_is_posted_as_its_JSON_with_a_signature_that_verifies_with_the_secret()
    {
        var node = await StartNodeAsync();

        var alert = await node.RecordAlertAsync();

        var post = (await _receiver.WaitForAsync(r => r.Count >= 1, Patience))[0];
        Assert.Equal("POST", post.Method);
        Assert.Equal("application/json; charset=utf-8", post.Header("Content-Type"));
        Assert.Equal(AlertRecord.ToJson(alert), post.BodyText);
        Assert.True(AlertWebhookSignature.Verify(Secret, post.Header(AlertWebhookSignature.HeaderName)!, post.Body));
        Assert.False(AlertWebhookSignature.Verify("another secret of enough length", post.Header(AlertWebhookSignature.HeaderName)!, post.Body));
        var payload = JsonNode.Parse(post.BodyText)!.AsObject();
        Assert.Equal(["id", "rule", "severity", "at", "staff", "targets", "sessions", "summary"], payload.Select(p => p.Key));
        Assert.Equal("high", (string)payload["severity"]!);
        Assert.Equal("Ann Staff", (string)payload["staff"]!["name"]!);
    }

    [Fact]
    public async Task The_signature_time_is_when_it_was_sent_in_unix_seconds()
    {
        var node = await StartNodeAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await node.RecordAlertAsync();

        var post = (await _receiver.WaitForAsync(r => r.Count >= 1, Patience))[0];
        var t = long.Parse(post.Header(AlertWebhookSignature.HeaderName)!.Split(',')[0]["t=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(t, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_refused_alert_is_posted_again_with_the_same_body_and_id_until_the_receiver_takes_it()
    {
        var node = await StartNodeAsync();
        var refusals = 0;
        _receiver.Answer = _ => Interlocked.Increment(ref refusals) <= 3 ? 500 : 200;

        var alert = await node.RecordAlertAsync();

        var received = await _receiver.WaitForAsync(r => r.Any(p => p.Answered == 200), Patience);
        Assert.Equal([500, 500, 500, 200], received.Select(r => r.Answered));
        Assert.All(received, r => Assert.Equal(AlertRecord.ToJson(alert), r.BodyText));
        Assert.All(received, r => Assert.True(AlertWebhookSignature.Verify(Secret, r.Header(AlertWebhookSignature.HeaderName)!, r.Body)));
    }

    [Fact]
    public async Task A_receiver_that_is_down_for_a_while_loses_no_alert_once_it_is_back()
    {
        var node = await StartNodeAsync();
        var first = await node.RecordAlertAsync();
        await _receiver.WaitForAsync(r => r.Count == 1, Patience);

        await _receiver.StopAsync();
        List<Alert> whileDown = [];
        for (var i = 0; i < 5; i++)
        {
            whileDown.Add(await node.RecordAlertAsync());
            await node.RecordViewsAsync(3);
        }

        var state = node.Services.GetRequiredService<IAlertDeliveryState>();
        await WaitUntilAsync(async () => (await state.ReadAsync(TestContext.Current.CancellationToken)).Single() is { Healthy: false, AlertsWaiting: 5 });
        await _receiver.RestartAsync(TestContext.Current.CancellationToken);

        var received = await _receiver.WaitForAsync(r => r.Select(p => p.BodyText).Distinct().Count() == 6, Patience);
        Assert.Equal([first.Id, .. whileDown.Select(a => a.Id)], received.Select(IdOf).Distinct());
        Assert.All(received.GroupBy(IdOf), copies => Assert.Single(copies.Select(c => c.BodyText).Distinct()));
    }

    [Fact]
    public async Task Records_that_are_not_alerts_are_not_posted()
    {
        var node = await StartNodeAsync();

        await node.RecordViewsAsync(4);
        var alert = await node.RecordAlertAsync();
        await node.RecordViewsAsync(4);
        var last = await node.RecordAlertAsync();

        var received = await _receiver.WaitForAsync(r => r.Count >= 2, Patience);
        Assert.Equal([AlertRecord.ToJson(alert), AlertRecord.ToJson(last)], received.Select(r => r.BodyText));
    }

    [Fact]
    public async Task An_alert_the_receiver_took_is_not_posted_again_when_a_later_alert_of_the_same_batch_is_refused()
    {
        var node = await StartNodeAsync();
        await node.RecordAlertAsync();
        await _receiver.WaitForAsync(r => r.Count == 1, Patience);
        _receiver.Answer = _ => 503;
        var taken = await node.RecordAlertAsync();
        var refused = await node.RecordAlertAsync();
        // Every attempt starts at the cursor and stops at the first refusal: from the second on, both alerts are in it.
        await _receiver.WaitForAsync(r => r.Count(p => p.BodyText.Contains(taken.Id, StringComparison.Ordinal)) >= 2, Patience);

        _receiver.Answer = body => body.Contains(refused.Id, StringComparison.Ordinal) ? 503 : 200;
        await _receiver.WaitForAsync(r => r.Count(p => p.BodyText.Contains(refused.Id, StringComparison.Ordinal)) >= 3, Patience);
        _receiver.Answer = null;

        var received = await _receiver.WaitForAsync(r => r.Any(p => p.Answered == 200 && p.BodyText.Contains(refused.Id, StringComparison.Ordinal)), Patience);
        Assert.Single(received, p => p.Answered == 200 && p.BodyText.Contains(taken.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_webhook_is_not_sent_the_alerts_recorded_before_it_was_configured_but_every_one_after()
    {
        var before = await AlertDeliveryNode.StartAsync([]);
        await before.RecordAlertAsync();
        await before.StopAsync();

        var node = await StartNodeAsync(directory: DirectoryOf(before));
        await node.RecordViewsAsync(1);
        var after = await node.RecordAlertAsync();

        var received = await _receiver.WaitForAsync(r => r.Count >= 1, Patience);
        Assert.Equal([AlertRecord.ToJson(after)], received.Select(r => r.BodyText));
    }

    [Fact]
    public async Task A_failing_webhook_shows_as_failing_with_its_error_and_since_when_then_healthy_again()
    {
        var node = await StartNodeAsync();
        var state = node.Services.GetRequiredService<IAlertDeliveryState>();
        _receiver.Answer = _ => 500;

        await node.RecordAlertAsync();

        await WaitUntilAsync(async () => (await state.ReadAsync(TestContext.Current.CancellationToken)).Single() is { Healthy: false, Attempts: >= 2 });
        var failing = (await state.ReadAsync(TestContext.Current.CancellationToken)).Single();
        Assert.Equal("webhook", failing.Name);
        Assert.Equal($"http://127.0.0.1:{_receiver.Port}: answered 500 Internal Server Error", failing.LastError);
        Assert.Equal(1, failing.AlertsWaiting);
        Assert.Equal((await node.RecordsAsync()).Single(r => r.Record!.Action == AIRisk.Web.Audit.AuditAction.Alert).Record!.AtUtc, failing.FailingSince);
        _receiver.Answer = null;
        await WaitUntilAsync(async () => (await state.ReadAsync(TestContext.Current.CancellationToken)).Single() is { Healthy: true, AlertsWaiting: 0, LastError: null });
    }

    [Fact]
    public async Task With_the_apps_poll_interval_an_alert_reaches_the_receiver_within_10_seconds()
    {
        var node = await StartNodeAsync(pollInterval: new AIRisk.Web.Audit.Streaming.AuditStreamOptions().PollInterval);
        await node.RecordViewsAsync(1);

        var alert = await node.RecordAlertAsync();

        var post = (await _receiver.WaitForAsync(r => r.Count >= 1, Patience))[0];
        // 0.3 to 1.4 s measured here: the poll's second at most, and the POST.
        Assert.InRange(post.At - alert.At, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_webhook_has_no_stream_of_checkpoints()
    {
        var node = await StartNodeAsync();
        await node.RecordAlertAsync();
        await _receiver.WaitForAsync(r => r.Count == 1, Patience);

        await node.Services.GetRequiredService<AIRisk.Web.Audit.Checkpoints.AuditCheckpointSealer>().SealIfDueAsync(force: true, TestContext.Current.CancellationToken);

        var streams = await node.Services.GetRequiredService<AIRisk.Web.Audit.AuditTrail>().RunAsync(
            db => db.Deliveries.Select(d => d.Destination).ToListAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.Equal(["webhook"], streams);
    }

    private async Task<AlertDeliveryNode> StartNodeAsync(string? directory = null, TimeSpan? pollInterval = null)
    {
        var node = await AlertDeliveryNode.StartAsync(new()
        {
            [AlertWebhookOptions.UrlKey] = _receiver.Url.ToString(),
            [AlertWebhookOptions.SecretKey] = Secret,
        }, directory, pollInterval);
        _nodes.Add(node);
        return node;
    }

    private static string DirectoryOf(AlertDeliveryNode node) => node.Directory;

    private static string IdOf(ReceivedWebhook post) => (string)JsonNode.Parse(post.BodyText)!["id"]!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        await _receiver.DisposeAsync();
    }
}
