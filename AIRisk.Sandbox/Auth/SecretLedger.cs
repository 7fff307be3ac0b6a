using System.Collections.Concurrent;

namespace AIRisk.Sandbox.Auth;

/// <summary>
/// Every code and token the sandbox issued and every state it echoed, so leak tests can search logs, pages and
/// messages for them. Bounded: the newest 10,000 values.
/// </summary>
internal sealed class SecretLedger
{
    private const int Capacity = 10_000;
    private readonly ConcurrentQueue<string> _values = new();

    public void Remember(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        _values.Enqueue(value);
        while (_values.Count > Capacity && _values.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<string> Snapshot() => [.. _values];
}
