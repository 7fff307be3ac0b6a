namespace AIRisk.Bench.Soak;

/// <summary>What the soak's circuits did, counted across threads.</summary>
internal sealed class SoakTally
{
    private readonly Lock _gate = new();
    private readonly List<string> _unhandled = [];
    private int _switches;
    private int _stops;
    private int _handled;
    private int _expectedAudit;
    private int _failedSwitches;

    public int Switches => _switches;

    public int Stops => _stops;

    public int Handled => _handled;

    public int Operations => _switches + _stops;

    public int ExpectedAuditRecords => _expectedAudit;

    /// <summary>Switches AIRisk failed (shown to staff as an error; the previous identity kept).</summary>
    public int FailedSwitches => _failedSwitches;

    public IReadOnlyList<string> Unhandled
    {
        get
        {
            lock (_gate)
                return [.. _unhandled];
        }
    }

    private readonly Dictionary<string, int> _failureReasons = [];

    /// <summary>Why switches failed, most frequent first.</summary>
    public IReadOnlyList<(string Reason, int Count)> FailureReasons
    {
        get
        {
            lock (_gate)
                return [.. _failureReasons.OrderByDescending(r => r.Value).Select(r => (r.Key, r.Value))];
        }
    }

    public void Switch(bool applied, bool recorded, string? reason = null)
    {
        Interlocked.Increment(ref _switches);
        if (!applied)
        {
            Interlocked.Increment(ref _failedSwitches);
            lock (_gate)
                _failureReasons[reason ?? "superseded"] = _failureReasons.GetValueOrDefault(reason ?? "superseded") + 1;
        }
        if (recorded)
            Interlocked.Increment(ref _expectedAudit);
    }

    public void Stop()
    {
        Interlocked.Increment(ref _stops);
        Interlocked.Increment(ref _expectedAudit);
    }

    public void HandledError() => Interlocked.Increment(ref _handled);

    public void UnhandledError(string error)
    {
        lock (_gate)
            _unhandled.Add(error);
    }
}
