using AIRisk.Bench.Support;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>switch_cold_ms</c>: acting as users whose token nobody has fetched yet. The circuit has shown the users list
/// first, so the generic token (sent as Bearer on the user flow) is cached. Floor: authorize + token + data = 3 L.
/// </summary>
public sealed class ColdSwitch(BenchSandbox sandbox, DashboardServices.Circuit circuit)
{
    /// <param name="users">Seed indexes of users never switched to before.</param>
    public async Task<Samples> MeasureAsync(IEnumerable<int> users, CancellationToken ct)
    {
        var samples = new Samples();
        foreach (var index in users)
            samples.Add(await MeasuredSwitch.RunAsync(circuit, sandbox.User(index), ct));
        return samples;
    }
}
