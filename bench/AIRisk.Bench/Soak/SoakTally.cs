namespace AIRisk.Bench.Soak;

/// <summary>What the soak's circuits did, counted across threads.</summary>
internal sealed class SoakTally
{
    private readonly Lock _gate = new();
    private readonly List<string> _unhandled = [];
    private int _switches;
    private int _stops;
    private int _handled;
    private int _faults;
    private int _expectedAudit;
    private int _failedSwitches;

    public int Switches => _switches;

    public int Stops => _stops;

    public int Handled => _handled;

    public int FaultsInjected => _faults;

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

    public void Switch(bool applied, bool recorded)
    {
        Interlocked.Increment(ref _switches);
        if (!applied)
            Interlocked.Increment(ref _failedSwitches);
        if (recorded)
            Interlocked.Increment(ref _expectedAudit);
    }

    public void Stop()
    {
        Interlocked.Increment(ref _stops);
        Interlocked.Increment(ref _expectedAudit);
    }

    public void Fault() => Interlocked.Increment(ref _faults);

    public void HandledError() => Interlocked.Increment(ref _handled);

    public void UnhandledError(string error)
    {
        lock (_gate)
            _unhandled.Add(error);
    }
}
