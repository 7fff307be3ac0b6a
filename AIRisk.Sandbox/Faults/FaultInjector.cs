namespace AIRisk.Sandbox.Faults;

/// <summary>Makes the next matching API or OAuth requests fail in a chosen way. Control requests are never affected.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<Rule> _rules = [];
    private (double Probability, Rule[] Faults) _random = (0, []);

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

    /// <summary>
    /// From now on, each request whose path matches one of <paramref name="faults"/> fails with
    /// <paramref name="probability"/>, in one of the matching ways at random (soak tests: a flaky AIRisk, not a queue).
    /// </summary>
    public void FailRandomly(double probability, params (string PathPrefix, FaultKind Kind, int Status)[] faults)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        lock (_lock)
            _random = (probability, [.. faults.Select(f => new Rule(f.PathPrefix, f.Kind, f.Status))]);
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
            _random = (0, []);
        }
    }

    internal InjectedFault? TryTake(string path)
    {
        lock (_lock)
        {
            var index = _rules.FindIndex(r => path.StartsWith(r.PathPrefix, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
                return TakeRandom(path);

            var rule = _rules[index];
            if (--rule.Remaining == 0)
                _rules.RemoveAt(index);
            return new InjectedFault(rule.Kind, rule.Status);
        }
    }

    private InjectedFault? TakeRandom(string path)
    {
        var (probability, faults) = _random;
        if (probability <= 0 || Random.Shared.NextDouble() >= probability)
            return null;
        var matching = faults.Where(f => path.StartsWith(f.PathPrefix, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (matching.Length == 0)
            return null;
        var fault = matching[Random.Shared.Next(matching.Length)];
        return new InjectedFault(fault.Kind, fault.Status);
    }

    private sealed record Rule(string PathPrefix, FaultKind Kind, int Status)
    {
        public int Remaining { get; set; }
    }
}
