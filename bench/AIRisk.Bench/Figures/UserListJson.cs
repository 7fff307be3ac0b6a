using System.Net.Http.Headers;
using AIRisk.Bench.Support;
using AIRisk.Core.Configuration;

namespace AIRisk.Bench.Figures;

/// <summary>
/// The sandbox's real ListUsers answer for 100,000 users, fetched once over HTTP and kept in memory, so the
/// micro-benchmarks parse exactly what AIRisk.Core would receive. Static because BenchmarkDotNet creates the
/// benchmark objects itself (in this process: the in-process toolchain).
/// </summary>
public static class UserListJson
{
    public const int UserCount = 100_000;

    public static byte[] Bytes { get; private set; } = [];

    public static async Task FetchAsync(CancellationToken ct)
    {
        await using var sandbox = await BenchSandbox.StartAsync(TimeSpan.Zero, userCount: UserCount, ct: ct);
        await using var services = new DashboardServices(sandbox);
        await using var circuit = services.NewCircuit();
        var token = await circuit.Tokens.GetGenericTokenAsync(ct);

        using var http = new HttpClient { BaseAddress = sandbox.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, AIRiskPaths.ListUsers);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        Bytes = await response.Content.ReadAsByteArrayAsync(ct);
    }
}
