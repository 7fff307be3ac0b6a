using System.Diagnostics;

namespace AIRisk.Bench.Soak;

/// <summary>
/// Managed memory over the soak, read after a full collection so garbage does not count. Samples before the warm-up
/// ends (caches and pools filling) are left out; growth compares the median of the last six samples with the median
/// of the first six after warm-up, so one sample taken mid-burst does not decide the figure.
/// </summary>
internal sealed class MemoryTrack(long start, TimeSpan warmUp)
{
    private const int Window = 6;
    private readonly Lock _gate = new();
    private readonly List<long> _samples = [];

    public long Baseline => Median(First());

    public long Last => Median(Latest());

    public long Peak
    {
        get
        {
            lock (_gate)
                return _samples.Count == 0 ? 0 : _samples.Max();
        }
    }

    public double GrowthPercent => Baseline == 0 ? double.NaN : 100.0 * (Last - Baseline) / Baseline;

    public void Sample()
    {
        var bytes = GC.GetTotalMemory(forceFullCollection: true);
        if (Stopwatch.GetElapsedTime(start) < warmUp)
            return;
        lock (_gate)
            _samples.Add(bytes);
    }

    private List<long> First()
    {
        lock (_gate)
            return [.. _samples.Take(Window)];
    }

    private List<long> Latest()
    {
        lock (_gate)
            return [.. _samples.Skip(Math.Max(0, _samples.Count - Window))];
    }

    private static long Median(List<long> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
}
