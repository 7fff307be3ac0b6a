namespace AIRisk.Bench.Support;

/// <summary>Durations in milliseconds, with the statistics the figures report.</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _values.Count;
        }
    }

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public void Add(double milliseconds)
    {
        lock (_gate)
            _values.Add(milliseconds);
    }

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double percent)
    {
        double[] sorted;
        lock (_gate)
            sorted = [.. _values.Order()];
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
