using System.Diagnostics;
using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;
using AIRisk.TestSupport;
using AIRisk.Web.Alerts.Delivery;
using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>alert_latency_p95_ms</c> (issue 25): from the click on the act-as that crosses the fan-out threshold (the 11th
/// user in 15 minutes) to the webhook receiver's receipt of the signed alert, through the real switch, detector, audit
/// trail and outbox (its 1 s poll, as shipped). Each trial is a staff member of its own acting as 11 users in a row.
/// On one node the node that switches also sends; on two, the nodes share one trail and only the other one sends,
/// as when the outbox's lease is held elsewhere.
/// </summary>
public sealed class AlertLatencyFigure(BenchSettings settings)
{
    private const string Secret = "bench-webhook-secret-0123456789";
    private const int UsersToCross = 11;

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        var trials = settings.Pick(8, 20);
        await using var sandbox = await BenchSandbox.StartAsync(settings.Latency, userCount: 400, ct: ct);
        await using var receiver = await WebhookTestReceiver.StartAsync(ct);
        foreach (var nodes in new[] { 1, 2 })
        {
            var shared = BenchDashboard.NewDataDirectory();
            var sending = Node(sandbox, shared, receiver);
            await using var sender = new DashboardServices(sending);
            await using var other = nodes == 2 ? new DashboardServices(Node(sandbox, shared, webhook: null)) : null;
            await sender.StartBackgroundAsync(ct);
            if (other is not null)
                await other.StartBackgroundAsync(ct);
            var switching = other ?? sender;

            var samples = new Samples();
            for (var trial = 0; trial < trials; trial++)
                samples.Add(await TrialAsync(switching, sandbox, receiver, $"bench-{nodes}-{trial}", trial, ct));

            var name = nodes == 1 ? "alert_latency_p95_ms" : "alert_latency_two_nodes_p95_ms";
            report.Add(new Figure(name, samples.P95, "ms", Goal.Max(10_000, "ms")) { Decimals = 0 });
            FigureReport.Note($"{name}: {samples.Count} trials, median {samples.Median:0} ms; from the 11th act-as's click to the webhook's receipt");
        }
    }

    private static Dictionary<string, string?> Node(BenchSandbox sandbox, string dataDirectory, WebhookTestReceiver? webhook)
    {
        var settings = sandbox.CoreSettings();
        settings[AuditOptions.DataDirectoryKey] = dataDirectory;
        if (webhook is not null)
        {
            settings[AlertWebhookOptions.UrlKey] = webhook.Url.ToString();
            settings[AlertWebhookOptions.SecretKey] = Secret;
        }

        return settings;
    }

    /// <returns>Milliseconds from the crossing act-as to the webhook's receipt of its alert.</returns>
    private static async Task<double> TrialAsync(DashboardServices node, BenchSandbox sandbox, WebhookTestReceiver receiver, string staffId, int trial, CancellationToken ct)
    {
        await using var circuit = node.NewCircuit();
        circuit.Staff.Current = new StaffMember(staffId, $"Bench staff {staffId}", new HashSet<string>(StringComparer.OrdinalIgnoreCase), IsLocal: true);
        await circuit.WarmUpAsync(ct);
        var users = Enumerable.Range(trial * UsersToCross, UsersToCross).Select(i => sandbox.User(i % sandbox.State.Data.Users.Count)).ToList();
        for (var i = 0; i < UsersToCross - 1; i++)
            await circuit.Acting.SwitchAsync(users[i], ct: ct);

        var clicked = Stopwatch.GetTimestamp();
        await circuit.Acting.SwitchAsync(users[^1], ct: ct);
        await receiver.WaitForAsync(r => r.Any(p => p.BodyText.Contains($"\"id\":\"{staffId}\"", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        return Stopwatch.GetElapsedTime(clicked).TotalMilliseconds;
    }
}
