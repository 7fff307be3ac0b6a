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

    public int Switches => _switches;

    public int Stops => _stops;

    public int Handled => _handled;

    public int FaultsInjected => _faults;

    public int Operations => _switches + _stops;

    public int ExpectedAuditRecords => _expectedAudit;

    public IReadOnlyList<string> Unhandled
    {
        get
        {
            lock (_gate)
                return [.. _unhandled];
        }
    }

    public void Switch(bool recorded)
    {
        Interlocked.Increment(ref _switches);
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
