using System.Collections.Concurrent;

namespace AIRisk.Core.Api;

/// <summary>
/// Remembers which of several documented paths for the same call answered on this instance, so the 404 of
/// the wrong one is paid once per process, not once per request.
/// </summary>
public sealed class PathMemory
{
    private readonly ConcurrentDictionary<string, string> _answered = new(StringComparer.Ordinal);

    /// <summary>The candidates in the order to try them: the one that answered before, then the rest.</summary>
    public IEnumerable<string> Order(string operation, IReadOnlyList<string> candidates)
    {
        if (_answered.TryGetValue(operation, out var known) && candidates.Contains(known))
            yield return known;
        foreach (var candidate in candidates)
        {
            if (candidate != known)
                yield return candidate;
        }
    }

    public void Remember(string operation, string path) => _answered[operation] = path;
}
