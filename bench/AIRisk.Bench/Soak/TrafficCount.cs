using AIRisk.Sandbox.Requests;

namespace AIRisk.Bench.Soak;

/// <summary>Counts the sandbox's requests and failures, emptying its log as it goes so the log cannot grow.</summary>
internal sealed class TrafficCount(RequestLog log)
{
    private readonly Lock _gate = new();

    public int Total { get; private set; }

    public int Failed { get; private set; }

    public void Drain()
    {
        lock (_gate)
        {
            var requests = log.Snapshot().Where(r => r.Kind != RequestKind.Control).ToList();
            log.Clear();
            Total += requests.Count;
            Failed += requests.Count(r => r.Status >= 400 || r.Status == 0);
        }
    }
}
