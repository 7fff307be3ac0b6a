using System.Collections.Concurrent;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// Which tab (circuit) holds each acting session on this node, and whether its browser is connected. A reload takes
/// the session over from the old, disconnected circuit, which then must not end it when it is finally closed; a
/// second tab (a duplicated one carries the same session id) cannot take a session whose tab is still connected.
/// </summary>
public sealed class SessionLeases
{
    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);

    /// <returns><c>false</c> when another circuit holds the session and its browser is still connected.</returns>
    public bool TryTake(string sessionId, string circuitId)
    {
        while (true)
        {
            if (!_leases.TryGetValue(sessionId, out var held))
            {
                if (_leases.TryAdd(sessionId, new Lease(circuitId, Connected: true)))
                    return true;
                continue;
            }

            if (held.CircuitId != circuitId && held.Connected)
                return false;
            if (_leases.TryUpdate(sessionId, new Lease(circuitId, Connected: true), held))
                return true;
        }
    }

    public bool Holds(string sessionId, string circuitId) =>
        _leases.TryGetValue(sessionId, out var held) && held.CircuitId == circuitId;

    /// <summary>The circuit's browser connected or went away (a reload, a lost network).</summary>
    public void SetConnected(string circuitId, bool connected)
    {
        foreach (var (sessionId, held) in _leases)
        {
            if (held.CircuitId == circuitId)
                _leases.TryUpdate(sessionId, held with { Connected = connected }, held);
        }
    }

    public void Release(string sessionId, string circuitId)
    {
        if (_leases.TryGetValue(sessionId, out var held) && held.CircuitId == circuitId)
            _leases.TryRemove(new KeyValuePair<string, Lease>(sessionId, held));
    }

    private sealed record Lease(string CircuitId, bool Connected);
}
