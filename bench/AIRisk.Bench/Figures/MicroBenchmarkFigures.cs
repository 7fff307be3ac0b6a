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
/// <c>listusers_parse_ms</c>, <c>listusers_alloc_mb</c>, <c>search_keystroke_ms</c> and the ratios to baselines
/// measured in the same run (<c>listusers_parse_vs_stj</c>, <c>search_vs_scan</c>) with BenchmarkDotNet, in
/// process (no generated project to build), one invocation per iteration so each iteration is one parse or one
/// keystroke and the percentiles are per operation, outliers kept. BenchmarkDotNet's own log goes to its artifacts folder.
/// </summary>
public sealed class MicroBenchmarkFigures(BenchSettings settings)
{
    private const double Megabyte = 1024 * 1024;

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        await UserListJson.FetchAsync(ct);
        FigureReport.Note($"micro: ListUsers JSON for {UserListJson.UserCount:N0} users from the sandbox: {UserListJson.Bytes.Length / Megabyte:0.0} MB");

        FigureReport.Note($"micro: {CpuModel()}");
        var parse = Run<ListUsersBenchmark>(warmups: settings.Pick(2, 3), iterations: settings.Pick(10, 30));
        report.Add(new Figure("listusers_parse_ms", parse.ResultStatistics!.Mean / 1e6, "ms", Goal.Max(250, "ms")));
        var plain = Run<PlainDeserializeBenchmark>(warmups: settings.Pick(2, 3), iterations: settings.Pick(10, 30));
        // A ratio measured in the same run on the same bytes: it holds across machines where milliseconds do not.
        report.Add(new Figure("listusers_parse_vs_stj", parse.ResultStatistics.Mean / plain.ResultStatistics!.Mean, "", Goal.Max(1.0, "")) { Decimals = 2 });
        FigureReport.Note($"listusers_parse_vs_stj: plain JsonSerializer.DeserializeAsync into records took {plain.ResultStatistics.Mean / 1e6:0.0} ms mean");
        var allocated = parse.GcStats.GetBytesAllocatedPerOperation(parse.BenchmarkCase) ?? double.NaN;
        report.Add(new Figure("listusers_alloc_mb", allocated / Megabyte, "MB", Goal.Max(100, "MB")));
        FigureReport.Note($"listusers: mean of {parse.ResultStatistics.N} parses; allocation per parse from MemoryDiagnoser");

        // No forced full GC between keystrokes: over the ~300 MB this process then holds, each would take longer than
        // the keystroke itself, and a user typing gets no such pause either.
        var search = Run<SearchKeystrokeBenchmark>(warmups: 5, iterations: settings.Pick(200, 1000), forceGc: false);
        report.Add(new Figure("search_keystroke_ms", search.ResultStatistics!.Percentiles.P95 / 1e6, "ms", Goal.Max(5, "ms")));
        FigureReport.Note($"search_keystroke: p95 of {search.ResultStatistics.N} keystrokes; median {search.ResultStatistics.Median / 1e6:0.00} ms");
        var scan = Run<SearchScanBenchmark>(warmups: 5, iterations: settings.Pick(200, 1000), forceGc: false);
        report.Add(new Figure("search_vs_scan", search.ResultStatistics.Percentiles.P95 / scan.ResultStatistics!.Percentiles.P95, "", Goal.Max(3, "")) { Decimals = 2 });
        FigureReport.Note($"search_vs_scan: one IndexOf pass over the folded buffer for an absent term, p95 {scan.ResultStatistics.Percentiles.P95 / 1e6:0.00} ms");
    }

    /// <summary>The CPU and its vector extensions: what a figure in milliseconds depends on.</summary>
    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
            return "cpu: unknown";
        var lines = File.ReadAllLines("/proc/cpuinfo");
        var model = lines.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var flags = (lines.FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?.Split(':', 2)[1] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var vector = flags.Where(f => f is "sse4_2" or "avx" or "avx2" or "avx512f" or "avx512bw" or "avx512vl").ToArray();
        return $"cpu: {model}; vector extensions: {(vector.Length == 0 ? "none listed" : string.Join(' ', vector))}";
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
