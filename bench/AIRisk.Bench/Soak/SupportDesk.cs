using AIRisk.Bench.Support;
using AIRisk.Core.Api;

namespace AIRisk.Bench.Soak;

/// <summary>
/// Whom one support engineer acts as next: mostly one of the few users whose tickets they are working (a working set
/// of 4), and now and then (1 switch in 150: with a switch every second or so, a new ticket every 2 to 3 minutes) a
/// new ticket's user, who replaces the oldest. Company Admins are left out: acting as one is a sensitive-target alert
/// by design, not a false one.
/// </summary>
public sealed class SupportDesk
{
    private const int WorkingSet = 4;
    private const double NewTicket = 1.0 / 150;

    private readonly BenchSandbox _sandbox;
    private readonly Random _random;
    private readonly int[] _candidates;
    private readonly Queue<int> _working = new();

    public SupportDesk(BenchSandbox sandbox, Random random)
    {
        _sandbox = sandbox;
        _random = random;
        _candidates = [.. sandbox.State.Data.Users.Select((u, i) => (u, i)).Where(p => p.u.Role is not "Company Admin").Select(p => p.i)];
        while (_working.Count < WorkingSet)
            Take();
    }

    public AIRiskUser Next()
    {
        if (_random.NextDouble() < NewTicket)
            return _sandbox.User(Take(replacing: true));
        return _sandbox.User(_working.ElementAt(_random.Next(_working.Count)));
    }

    private int Take(bool replacing = false)
    {
        int index;
        do
            index = _candidates[_random.Next(_candidates.Length)];
        while (_working.Contains(index));
        if (replacing)
            _working.Dequeue();
        _working.Enqueue(index);
        return index;
    }
}
