using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>listusers_parse_ms</c>, <c>listusers_alloc_mb</c> and <c>search_keystroke_ms</c> with BenchmarkDotNet, in
/// process (no generated project to build), one invocation per iteration so each iteration is one parse or one
/// keystroke and the percentiles are per operation, outliers kept. BenchmarkDotNet's own log goes to its artifacts folder.
/// Absolute times vary 3–4x between machines, so each has a ratio beside it to a baseline measured in this process
/// on the same data right before or after it: <c>listusers_parse_vs_stj</c> and <c>search_vs_scan</c>.
/// </summary>
public sealed class MicroBenchmarkFigures(BenchSettings settings)
{
    private const double Megabyte = 1024 * 1024;

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        await UserListJson.FetchAsync(ct);
        FigureReport.Note($"micro: ListUsers JSON for {UserListJson.UserCount:N0} users from the sandbox: {UserListJson.Bytes.Length / Megabyte:0.0} MB");

        var parseWarmups = settings.Pick(2, 3);
        var parses = settings.Pick(10, 30);
        var plain = Run<PlainListUsersBenchmark>(parseWarmups, parses);
        var parse = Run<ListUsersBenchmark>(parseWarmups, parses);
        var parseMs = parse.ResultStatistics!.Mean / 1e6;
        var plainMs = plain.ResultStatistics!.Mean / 1e6;
        report.Add(new Figure("listusers_parse_ms", parseMs, "ms", Goal.Max(250, "ms")));
        report.Add(new Figure("listusers_parse_vs_stj", parseMs / plainMs, "x", Goal.Max(1, "x")) { Decimals = 2 });
        var allocated = parse.GcStats.GetBytesAllocatedPerOperation(parse.BenchmarkCase) ?? double.NaN;
        report.Add(new Figure("listusers_alloc_mb", allocated / Megabyte, "MB", Goal.Max(100, "MB")));
        var plainAllocated = plain.GcStats.GetBytesAllocatedPerOperation(plain.BenchmarkCase) ?? double.NaN;
        FigureReport.Note($"listusers: mean of {parse.ResultStatistics.N} parses; allocation per parse from MemoryDiagnoser");
        FigureReport.Note($"listusers_parse_vs_stj: over JsonSerializer.Deserialize<List<PlainUser>> of the same bytes, mean of {plain.ResultStatistics.N}: {plainMs:0.0} ms, {plainAllocated / Megabyte:0.0} MB");

        // No forced full GC between keystrokes: over the ~300 MB this process then holds, each would take longer than
        // the keystroke itself, and a user typing gets no such pause either.
        var keystrokes = settings.Pick(200, 1000);
        var search = Run<SearchKeystrokeBenchmark>(warmups: 5, keystrokes, forceGc: false);
        var scan = Run<SearchScanBenchmark>(warmups: 5, keystrokes, forceGc: false);
        var searchP95 = search.ResultStatistics!.Percentiles.P95 / 1e6;
        // The floor's p95, not its median: the folded text (17 MB) sometimes stays in the CPU's cache between passes
        // and sometimes does not, and the median lands on either (0.4 or 1.1 ms on the EPYC of docs/benchmarks.md). The p95 of both
        // is a pass from memory, so the ratio compares like with like.
        var floor = scan.ResultStatistics!.Percentiles.P95 / 1e6;
        report.Add(new Figure("search_keystroke_ms", searchP95, "ms", Goal.Max(5, "ms")));
        report.Add(new Figure("search_vs_scan", searchP95 / floor, "x", Goal.Max(3, "x")) { Decimals = 2 });
        FigureReport.Note($"search_keystroke: p95 of {search.ResultStatistics.N} keystrokes; median {search.ResultStatistics.Median / 1e6:0.00} ms");
        FigureReport.Note($"search_vs_scan: over the p95 of {scan.ResultStatistics.N} IndexOf passes for '{SearchScanBenchmark.NeverFound}' " +
            $"(found nowhere) over the whole folded text: {floor:0.000} ms (median {scan.ResultStatistics.Median / 1e6:0.000} ms)");
    }

    private static BenchmarkReport Run<T>(int warmups, int iterations, bool forceGc = true)
    {
        var job = new Job(typeof(T).Name)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(warmups)
            .WithIterationCount(iterations)
            .WithGcForce(forceGc)
            // Every operation counts: a slow keystroke is exactly what the p95 is for.
            .WithOutlierMode(OutlierMode.DontRemove);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(QuietLogger.Instance)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        var summary = BenchmarkRunner.Run<T>(config);
        return summary.Reports.SingleOrDefault(r => r.Success && r.ResultStatistics is not null)
            ?? throw new InvalidOperationException($"BenchmarkDotNet did not produce a result for {typeof(T).Name}; see {summary.LogFilePath}");
    }
}
