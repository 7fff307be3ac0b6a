using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;
using AIRisk.Sandbox.Requests;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>concurrent_switch_p95_ms</c>, <c>concurrent_switch_errors</c> and <c>token_calls_per_switch</c>: 100 staff
/// sessions, each its own DI scope as a circuit is (own TokenState, ActingService and clients; shared token cache and
/// user directory), each switching every 2 s among the 40 users, starts spread over the first 2 s. A switch is timed
/// from the click to the workspace's data being ready; an exception or a switch that did not apply is an error.
/// </summary>
public sealed class ConcurrentSwitchFigure(BenchSettings settings)
{
    private const int Sessions = 100;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        var duration = TimeSpan.FromSeconds(settings.Pick(20, 60));
        var l = settings.LatencyMs;
        await using var sandbox = await BenchSandbox.StartAsync(settings.Latency, ct: ct);
        await using var services = new DashboardServices(sandbox);
        var circuits = Enumerable.Range(0, Sessions).Select(_ => services.NewCircuit()).ToList();
        try
        {
            // Every session has shown the users list, as staff do before their first click.
            await Task.WhenAll(circuits.Select(c => c.WarmUpAsync(ct)));
            sandbox.State.Requests.Clear();

            var users = Enumerable.Range(0, sandbox.State.Data.Users.Count).Select(sandbox.User).ToList();
            var (samples, errors) = await ConcurrentLoad.RunAsync(circuits, users, Interval, duration, ct);

            var switches = samples.Count + errors.Count;
            var tokenCalls = sandbox.State.Requests.Count(RequestKind.Token);
            report.Add(new Figure("concurrent_switch_p95_ms", samples.P95, "ms", Goal.Max(3 * l + 100, "ms")));
            report.Add(new Figure("concurrent_switch_errors", errors.Count, "", Goal.Max(0, "")));
            report.Add(new Figure("token_calls_per_switch", switches == 0 ? double.NaN : (double)tokenCalls / switches, "", Goal.Max(1, "")) { Decimals = 3 });
            FigureReport.Note($"concurrent_switch: {Sessions} sessions x every {Interval.TotalSeconds:0} s for {duration.TotalSeconds:0} s" +
                              $"{(settings.Quick ? " (quick mode; the full run lasts 60 s)" : "")} = {switches} switches among 40 users; " +
                              $"median {samples.Median:0.0} ms; {tokenCalls} token calls in all");
            foreach (var error in errors.Distinct().Take(5))
                FigureReport.Note($"concurrent_switch error: {error}");
        }
        finally
        {
            foreach (var circuit in circuits)
                await circuit.DisposeAsync();
        }
    }
}
