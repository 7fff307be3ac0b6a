using System.Diagnostics;
using AIRisk.Core.Api;

namespace AIRisk.Bench.Support;

/// <summary>
/// One switch as staff experience it: from the server-side call the click makes (<c>ActingService.ActAsAsync</c>)
/// until the new user's agents and first conversations page are loaded.
/// </summary>
public static class MeasuredSwitch
{
    /// <returns>Milliseconds from the click to the workspace's data being ready.</returns>
    public static async Task<double> RunAsync(DashboardServices.Circuit circuit, AIRiskUser user, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        if (!await circuit.Acting.SwitchAsync(user, ct: ct))
            throw new InvalidOperationException($"The switch to {user.Id} did not happen: {circuit.LastError ?? "superseded"}");
        await WorkspaceLoad.LoadAsync(circuit.Chat, ct);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
