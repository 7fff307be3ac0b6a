using System.Diagnostics;
using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;
using AIRisk.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>--cluster</c>: the figures of several nodes, on the cluster of <c>deploy/cluster.sh</c> (two nodes behind
/// HAProxy, PostgreSQL, Redis, the sandbox with latency L). In headless Chromium through the proxy:
/// <c>switch_other_node_paint_ms</c> (click to paint on node 2 for a user whose token node 1 fetched) and
/// <c>failover_resume_ms</c> (the node serving an acting tab is killed; until the tab shows the same acting user
/// again, resumed on the other node). With two node stacks in this process on the same PostgreSQL, Redis and sandbox
/// (as the one-node switch figures, a DI scope a circuit, timed from the click's server-side call to the workspace's
/// data): <c>switch_other_node_ms</c> and <c>concurrent_switch_p95_ms</c>.
/// </summary>
public sealed class ClusterFigures(BenchSettings settings)
{
    private const int SessionsPerNode = 100;
    private static readonly TimeSpan SwitchInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ColdStart = TimeSpan.FromSeconds(10);

    /// <summary>The first users the browser figures switch to; the node stacks' figure takes fresh ones after them.</summary>
    private const int BrowserUsers = 16;

    private Goal ConcurrentGoal => Goal.Max(3 * settings.LatencyMs + 100, "ms");

    private Goal OtherNodeGoal => Goal.Max(settings.LatencyMs + 15, "ms");

    private int Rounds => settings.Pick(8, 16);

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        var failoverGoal = Goal.Max(5000, "ms");
        var reason = !BenchChromium.Exists ? $"no {BenchChromium.Path}"
            : LocalCluster.MissingEngines() is { Length: > 0 } missing ? $"not installed: {missing}" : null;
        if (reason is not null)
        {
            report.Add(Figure.Skip("switch_other_node_ms", "ms", OtherNodeGoal, reason));
            report.Add(Figure.Skip("failover_resume_ms", "ms", failoverGoal, reason));
            report.Add(Figure.Skip("concurrent_switch_p95_ms", "ms", ConcurrentGoal, reason));
            return;
        }

        var cluster = new LocalCluster(settings.LatencyMs);
        await cluster.StartAsync();
        try
        {
            using (var playwright = await Playwright.CreateAsync())
            await using (var browser = await BenchChromium.LaunchAsync(playwright))
            {
                await OtherNodePaintAsync(cluster, browser);
                await FailoverAsync(cluster, browser, report, failoverGoal, ct);
            }

            await using var nodeA = new DashboardServices(cluster.NodeSettings("bench-node-a"));
            await using var nodeB = new DashboardServices(cluster.NodeSettings("bench-node-b"));
            await OtherNodeAsync(cluster, nodeA, nodeB, report, ct);
            await ConcurrentAsync(cluster, nodeA, nodeB, report, ct);
        }
        finally
        {
            await cluster.StopAsync();
        }
    }

    /// <summary>
    /// <c>switch_other_node_ms</c>: node A switches to a user (its token fetched, and kept in Redis); node B then
    /// switches to the same user, timed as <c>switch_warm_ms</c> is on one node, with the token calls that took.
    /// </summary>
    private async Task OtherNodeAsync(LocalCluster cluster, DashboardServices nodeA, DashboardServices nodeB, FigureReport report, CancellationToken ct)
    {
        await using var fetcher = nodeA.NewCircuit();
        await using var measured = nodeB.NewCircuit();
        await fetcher.WarmUpAsync(ct);
        await measured.WarmUpAsync(ct);
        var users = await measured.UsersAsync(ct);
        // Warm-up: the switch path compiled on both stacks, connections open (users the browser figures used).
        for (var i = 0; i < 6; i++)
        {
            await MeasuredSwitch.RunAsync(fetcher, users[i % 2], ct);
            await MeasuredSwitch.RunAsync(measured, users[2 + i % 2], ct);
        }

        var samples = new Samples();
        var calls = 0;
        foreach (var user in users.Skip(BrowserUsers).Take(Rounds))
        {
            await MeasuredSwitch.RunAsync(fetcher, user, ct);
            var before = await cluster.TokenCallsAsync();
            samples.Add(await MeasuredSwitch.RunAsync(measured, user, ct));
            calls += await cluster.TokenCallsAsync() - before;
        }

        report.Add(new Figure("switch_other_node_ms", samples.Median, "ms", OtherNodeGoal));
        report.Add(new Figure("switch_other_node_token_calls", calls, "", Goal.Max(0, "")));
        FigureReport.Note($"switch_other_node: L = {settings.LatencyMs} ms, {samples.Count} switches on node B to users whose token node A fetched, " +
                          $"click to the workspace's data; median {samples.Median:0.0} ms, p95 {samples.P95:0.0} ms, {calls} token calls");
    }

    /// <summary><c>switch_other_node_paint_ms</c>: as <c>switch_other_node_ms</c>, in the browser, click to paint.</summary>
    private async Task OtherNodePaintAsync(LocalCluster cluster, IBrowser browser)
    {
        var fetcher = await OpenAsync(cluster, browser, node: 1);
        var measured = await OpenAsync(cluster, browser, node: 2);
        var ids = await measured.Locator("[data-testid=user-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-user-id'))");
        // Warm-up: the switch path compiled and optimised on both nodes.
        for (var i = 0; i < 6; i++)
            await ClickAsync(measured, ids[^(1 + i % 2)]);

        List<double> times = [];
        var calls = 0;
        for (var i = 0; i < Math.Min(Rounds, BrowserUsers - 4); i++)
        {
            await ClickAsync(fetcher, ids[i]);
            var before = await cluster.TokenCallsAsync();
            times.Add(await ClickAsync(measured, ids[i]));
            calls += await cluster.TokenCallsAsync() - before;
        }

        var median = ClickToPaintFigure.Percentile(times, 0.5);
        FigureReport.Note($"switch_other_node_paint: L = {settings.LatencyMs} ms, {times.Count} switches on node 2 (a published node behind HAProxy) to users whose token node 1 fetched, " +
                          $"click to banner and agents painted in Chromium; median {median:0.0} ms, p95 {ClickToPaintFigure.Percentile(times, 0.95):0.0} ms, {calls} token calls");
        await fetcher.Context.CloseAsync();
        await measured.Context.CloseAsync();
    }

    private async Task FailoverAsync(LocalCluster cluster, IBrowser browser, FigureReport report, Goal goal, CancellationToken ct)
    {
        List<double> times = [];
        for (var round = 0; round < settings.Pick(3, 5); round++)
        {
            var node = 1 + round % 2;
            var page = await OpenAsync(cluster, browser, node);
            var id = await page.Locator("[data-testid=user-row]").Nth(10 + round).GetAttributeAsync("data-user-id");
            await ClickAsync(page, id!);
            var clock = Stopwatch.StartNew();
            await cluster.RunAsync($"kill-node {node}");
            await page.GetByText("Resumed acting as").WaitForAsync(new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync("id => document.querySelector('[data-testid=acting-as]')?.getAttribute('data-user-id') === id", id);
            times.Add(clock.Elapsed.TotalMilliseconds);
            await page.Context.CloseAsync();
            await cluster.RunAsync($"start-node {node}");
            // HAProxy takes the node back after two good checks.
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
        }

        report.Add(new Figure("failover_resume_ms", ClickToPaintFigure.Percentile(times, 0.5), "ms", goal));
        FigureReport.Note($"failover_resume: {times.Count} kills of the node serving an acting tab; median {ClickToPaintFigure.Percentile(times, 0.5):0} ms, worst {times.Max():0} ms (HAProxy checks every 1 s, down after 2 failures)");
    }

    /// <summary>
    /// <c>concurrent_switch_p95_ms</c> for 200 sessions over two nodes. 200 browser pages do not fit on this machine
    /// beside the cluster, and a circuit cannot be driven without one, so the sessions are simulated circuits as in the
    /// one-node figure: 100 on each node stack (each with its own memory cache and PostgreSQL pool). Measured after a
    /// cold start of the same load (reported on its own).
    /// </summary>
    private async Task ConcurrentAsync(LocalCluster cluster, DashboardServices nodeA, DashboardServices nodeB, FigureReport report, CancellationToken ct)
    {
        var circuits = Enumerable.Range(0, 2 * SessionsPerNode).Select(i => (i % 2 == 0 ? nodeA : nodeB).NewCircuit()).ToList();
        try
        {
            await Task.WhenAll(circuits.Select(c => c.WarmUpAsync(ct)));
            var users = await circuits[0].UsersAsync(ct);
            // The same load, unmeasured, until the nodes are warm (every user's token in Redis, connection pools
            // filled, the switch path compiled): 200 staff do not all start at one instant on nodes just started.
            var cold = await ConcurrentLoad.RunAsync(circuits, users, SwitchInterval, ColdStart, ct);
            var duration = TimeSpan.FromSeconds(settings.Pick(20, 60));
            var tokensBefore = await cluster.TokenCallsAsync();
            var (samples, errors) = await ConcurrentLoad.RunAsync(circuits, users, SwitchInterval, duration, ct);
            var tokenCalls = await cluster.TokenCallsAsync() - tokensBefore;
            var switches = samples.Count + errors.Count;
            FigureReport.Note($"concurrent_switch (cluster) cold start, first {ColdStart.TotalSeconds:0} s (unmeasured): {cold.Switches} switches, " +
                              $"median {cold.Samples.Median:0.0} ms, p95 {cold.Samples.P95:0.0} ms, {cold.Errors.Count} errors");

            report.Add(new Figure("concurrent_switch_p95_ms", samples.P95, "ms", ConcurrentGoal));
            report.Add(new Figure("concurrent_switch_errors", errors.Count, "", Goal.Max(0, "")));
            FigureReport.Note($"concurrent_switch (cluster): {2 * SessionsPerNode} sessions over two node stacks, each switching every " +
                              $"{SwitchInterval.TotalSeconds:0} s for {duration.TotalSeconds:0} s = {switches} switches among {users.Count} users; " +
                              $"median {samples.Median:0.0} ms, p95 {samples.P95:0.0} ms; {tokenCalls} token calls ({(switches == 0 ? 0 : (double)tokenCalls / switches):0.000} a switch)");
            foreach (var error in errors.Distinct().Take(5))
                FigureReport.Note($"concurrent_switch error: {error}");
        }
        finally
        {
            foreach (var circuit in circuits)
                await circuit.DisposeAsync();
        }
    }

    private static async Task<IPage> OpenAsync(LocalCluster cluster, IBrowser browser, int node)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = cluster.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        // HAProxy's sticky cookie picks the node.
        await context.AddCookiesAsync([new Cookie { Name = "AIRISK_NODE", Value = $"node{node}", Url = cluster.Address.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-testid=user-row]").First.WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    private static async Task<double> ClickAsync(IPage page, string userId)
    {
        var elapsed = await page.EvaluateAsync<double>(ClickToPaintFigure.ClickAndTimePaint, new { id = userId, agents = (string[]?)null });
        // As staff do: look at what appeared before the next click.
        await page.Locator("[data-testid=conversation-item]").First.WaitForAsync();
        await Task.Delay(300);
        return elapsed;
    }
}
