using System.Diagnostics;

namespace AIRisk.Bench.Soak;

/// <summary>
/// Managed memory over the soak: the baseline is the first sample after warm-up (caches and pools filled), growth is
/// the last sample against it. Samples read the heap after a full collection, so garbage does not count as growth.
/// </summary>
internal sealed class MemoryTrack(long start, TimeSpan warmUp)
{
    private readonly Lock _gate = new();

    public long Baseline { get; private set; }

    public long Last { get; private set; }

    public long Peak { get; private set; }

    public double GrowthPercent => Baseline == 0 ? double.NaN : 100.0 * (Last - Baseline) / Baseline;

    public void Sample()
    {
        var bytes = GC.GetTotalMemory(forceFullCollection: true);
        lock (_gate)
        {
            Last = bytes;
            Peak = Math.Max(Peak, bytes);
            if (Baseline == 0 && Stopwatch.GetElapsedTime(start) >= warmUp)
                Baseline = bytes;
        }
    }
}
