using System.Diagnostics;
using System.Runtime.InteropServices;
using AIRisk.Bench.Figures;
using AIRisk.Bench.Reporting;
using AIRisk.Bench.Soak;
using AIRisk.Bench.Support;

namespace AIRisk.Bench;

/// <summary>Runs the figure groups in turn (CPU-bound micro-benchmarks first, the browser last) and prints the summary.</summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var ct = cancel.Token;

        Console.WriteLine($"# AIRisk Console benchmark, {settings.Mode} run, L = {settings.LatencyMs} ms");
        Console.WriteLine($"# machine: {Environment.ProcessorCount} cores, {TotalMemoryGb():0.0} GB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"# cpu: {CpuInfo.Describe()}");
        Console.WriteLine($"# load average at start: {LoadAverage()}");

        var report = new FigureReport();
        var start = Stopwatch.GetTimestamp();
        (string Group, Func<FigureReport, CancellationToken, Task> Run)[] groups = settings.Soak
        ? [("soak", new SoakRun(settings).RunAsync)]
        : settings.Cluster
        ? [("cluster", new ClusterFigures(settings).RunAsync)]
        : [
            ("micro", new MicroBenchmarkFigures(settings).RunAsync),
            ("switch", new SwitchFigures(settings).RunAsync),
            ("rapid", new RapidSwitchFigure(settings).RunAsync),
            ("concurrent", new ConcurrentSwitchFigure(settings).RunAsync),
            ("memory", new CircuitMemoryFigure(settings).RunAsync),
            ("paint", new ClickToPaintFigure(settings).RunAsync),
            ("audit_verify", new AuditVerifyFigure().RunAsync),
            ("audit_write", new AuditWriteOverheadFigure(settings).RunAsync),
            ("alert", new AlertLatencyFigure(settings).RunAsync),
        ];
        foreach (var (group, run) in groups.Where(g => settings.Soak || settings.Cluster || settings.Runs(g.Group)))
        {
            // Each group starts from a collected heap: one group's garbage (100,000 parsed users, 200 circuits) is not
            // collected during the next group's measurements, in this process that also hosts their sandbox.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var groupStart = Stopwatch.GetTimestamp();
            try
            {
                await run(report, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The boundary of one figure group: report it as missed and go on with the others.
                report.Add(Figure.Failed($"{group}_group", "", null, $"{e.GetType().Name}: {e.Message}"));
                Console.Error.WriteLine(e);
            }

            FigureReport.Note($"{group}: {Stopwatch.GetElapsedTime(groupStart).TotalSeconds:0.0} s");
        }

        FigureReport.Note($"load average at end: {LoadAverage()}");
        report.PrintSummary(settings, Stopwatch.GetElapsedTime(start));
        return 0;
    }

    /// <summary>Other work on the machine skews timings; the load average says how much there was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double TotalMemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
}
