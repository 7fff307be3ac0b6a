namespace AIRisk.Sandbox;

/// <summary>Makes the next matching API or OAuth requests fail in a chosen way. Control requests are never affected.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<Rule> _rules = [];

    /// <summary>Fails the next <paramref name="count"/> requests whose path starts with <paramref name="pathPrefix"/> (any case).</summary>
    /// <remarks>Rules are consumed in the order they were added: a request takes one from the first rule it matches.</remarks>
    public void FailNext(string pathPrefix, int count, FaultKind kind, int status = 500)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathPrefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind.");

        lock (_lock)
            _rules.Add(new Rule(pathPrefix, kind, status) { Remaining = count });
    }

    public void Clear()
    {
        lock (_lock)
            _rules.Clear();
    }

    internal InjectedFault? TryTake(string path)
    {
        lock (_lock)
        {
            var index = _rules.FindIndex(r => path.StartsWith(r.PathPrefix, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
                return null;

            var rule = _rules[index];
            if (--rule.Remaining == 0)
                _rules.RemoveAt(index);
            return new InjectedFault(rule.Kind, rule.Status);
        }
    }

    private sealed record Rule(string PathPrefix, FaultKind Kind, int Status)
    {
        public int Remaining { get; set; }
    }
}
