using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;

namespace AIRisk.Bench.Figures;

/// <summary>
/// The single-circuit switch figures: cold, warm, warm token calls, the naive reference flow and the speedups over
/// it. Each figure is the median of its samples (the p95 is printed as a note).
/// </summary>
public sealed class SwitchFigures(BenchSettings settings)
{
    private const int WarmUpUserA = 38;
    private const int WarmUpUserB = 39;

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        var l = settings.LatencyMs;
        await using var sandbox = await BenchSandbox.StartAsync(settings.Latency, ct: ct);
        await using var services = new DashboardServices(sandbox);
        await using var circuit = services.NewCircuit();
        await circuit.WarmUpAsync(ct);
        using var naive = new NaiveSwitch(sandbox, services);

        // JIT and connection pool warm-up on users the measurements do not use.
        await new ColdSwitch(sandbox, circuit).MeasureAsync([WarmUpUserA, WarmUpUserB], ct);
        await new WarmSwitch(sandbox, circuit).MeasureAsync([WarmUpUserA, WarmUpUserB], 4, ct);
        await naive.MeasureAsync([WarmUpUserA], ct);

        var coldUsers = Enumerable.Range(0, settings.Pick(10, 30)).ToList();
        var cold = await new ColdSwitch(sandbox, circuit).MeasureAsync(coldUsers, ct);
        report.Add(new Figure("switch_cold_ms", cold.Median, "ms", Goal.Max(3 * l + 30, "ms")));
        FigureReport.Note($"switch_cold: median of {cold.Count} users never switched to before; p95 {cold.P95:0.0} ms; floor 3 L = {3 * l} ms");

        var (warm, tokenCalls) = await new WarmSwitch(sandbox, circuit).MeasureAsync(coldUsers, settings.Pick(30, 100), ct);
        report.Add(new Figure("switch_warm_ms", warm.Median, "ms", Goal.Max(l + 10, "ms")));
        FigureReport.Note($"switch_warm: median of {warm.Count} switches among those users (tokens cached); p95 {warm.P95:0.0} ms; floor 1 L = {l} ms");
        report.Add(new Figure("switch_warm_token_calls", tokenCalls, "", Goal.Max(0, "")));

        var naiveSamples = await naive.MeasureAsync(coldUsers, ct);
        report.Add(new Figure("switch_naive_ms", naiveSamples.Median, "ms"));
        FigureReport.Note($"switch_naive: median of {naiveSamples.Count}; 7 sequential round trips, floor 7 L = {7 * l} ms; p95 {naiveSamples.P95:0.0} ms");
        report.Add(new Figure("speedup_vs_naive_cold", naiveSamples.Median / cold.Median, "x"));
        report.Add(new Figure("speedup_vs_naive_warm", naiveSamples.Median / warm.Median, "x"));
    }
}
