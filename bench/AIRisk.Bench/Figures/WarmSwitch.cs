using AIRisk.Bench.Support;
using AIRisk.Sandbox.Requests;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>switch_warm_ms</c> and <c>switch_warm_token_calls</c>: switching among users whose tokens are cached. Floor:
/// the data round trip, 1 L; the sandbox's request log must show no token call.
/// </summary>
public sealed class WarmSwitch(BenchSandbox sandbox, DashboardServices.Circuit circuit)
{
    /// <param name="cachedUsers">Seed indexes of users already switched to; visited in turn, so each switch changes user.</param>
    /// <param name="switches">How many switches to time.</param>
    public async Task<(Samples Samples, int TokenCalls)> MeasureAsync(IReadOnlyList<int> cachedUsers, int switches, CancellationToken ct)
    {
        var samples = new Samples();
        var current = circuit.Tokens.Current.User?.Id;
        var order = cachedUsers.Where(i => sandbox.User(i).Id != current).Concat(cachedUsers.Where(i => sandbox.User(i).Id == current)).ToList();
        sandbox.State.Requests.Clear();
        for (var n = 0; n < switches; n++)
            samples.Add(await MeasuredSwitch.RunAsync(circuit, sandbox.User(order[n % order.Count]), ct));
        return (samples, sandbox.State.Requests.Count(RequestKind.Token));
    }
}
