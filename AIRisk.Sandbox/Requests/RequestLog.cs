using AIRisk.Sandbox.Data;

namespace AIRisk.Sandbox.Requests;

/// <summary>
/// What the sandbox was asked, for tests and benchmarks that count calls (e.g. "one token call per user").
/// Counts cover every request since the last <see cref="Clear"/>; <see cref="Snapshot"/> keeps only the newest
/// <see cref="Capacity"/> entries so a long benchmark can't exhaust memory.
/// </summary>
public sealed class RequestLog
{
    public const int Capacity = 100_000;

    private readonly Lock _lock = new();
    private readonly Queue<SandboxRequest> _entries = new();
    private readonly int[] _countByKind = new int[Enum.GetValues<RequestKind>().Length];
    private readonly Dictionary<string, int> _tokenCallsByUser = new(StringComparer.OrdinalIgnoreCase);
    private int _genericTokenCalls;

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_lock)
            return [.. _entries];
    }

    public int Count(RequestKind kind)
    {
        lock (_lock)
            return _countByKind[(int)kind];
    }

    /// <summary>Token POSTs that asked for <paramref name="userId"/>; <c>null</c> counts the generic ones.</summary>
    public int CountTokenCalls(string? userId)
    {
        lock (_lock)
        {
            if (userId is null)
                return _genericTokenCalls;
            return _tokenCallsByUser.GetValueOrDefault(Ids.Normalize(userId));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            Array.Clear(_countByKind);
            _tokenCallsByUser.Clear();
            _genericTokenCalls = 0;
        }
    }

    /// <returns>Token calls per user id, with <c>null</c> (generic) under <paramref name="genericKey"/>.</returns>
    internal Dictionary<string, int> TokenCallsByUser(string genericKey)
    {
        lock (_lock)
        {
            var result = new Dictionary<string, int>(_tokenCallsByUser, StringComparer.OrdinalIgnoreCase);
            if (_genericTokenCalls > 0)
                result[genericKey] = _genericTokenCalls;
            return result;
        }
    }

    internal void Add(SandboxRequest request)
    {
        lock (_lock)
        {
            if (_entries.Count == Capacity)
                _entries.Dequeue();
            _entries.Enqueue(request);
            _countByKind[(int)request.Kind]++;
            if (request.Kind != RequestKind.Token)
                return;
            if (request.UserId is null)
                _genericTokenCalls++;
            else
                _tokenCallsByUser[request.UserId] = _tokenCallsByUser.GetValueOrDefault(request.UserId) + 1;
        }
    }
}
