using AIRisk.Core.Api;
using AIRisk.Sandbox;

namespace AIRisk.Bench.Support;

/// <summary>
/// The AIRisk sandbox hosted in the bench process on loopback, with the round-trip latency L added to every API and
/// OAuth request, and the settings that point AIRisk.Core at it.
/// </summary>
public sealed class BenchSandbox : IAsyncDisposable
{
    public const string RedirectUri = "https://console.example/callback";

    private BenchSandbox(SandboxHost host) => Host = host;

    public SandboxHost Host { get; }

    public SandboxState State => Host.State;

    public static async Task<BenchSandbox> StartAsync(TimeSpan latency, TimeSpan jitter = default, int userCount = 40, CancellationToken ct = default)
    {
        var host = await SandboxHost.StartAsync(o =>
        {
            o.RedirectUris = [RedirectUri];
            o.UserCount = userCount;
            o.Latency = latency;
            o.LatencyJitter = jitter;
        }, ct: ct);
        return new BenchSandbox(host);
    }

    /// <summary>The keys AIRisk.Core reads, as an operator's <c>.env</c> would set them.</summary>
    public Dictionary<string, string?> CoreSettings() => Host.ClientSettings();

    /// <summary>Seeded user <paramref name="index"/> as the dashboard knows users.</summary>
    public AIRiskUser User(int index)
    {
        var user = State.Data.Users[index];
        return new AIRiskUser(user.Id, user.DisplayName, user.Email, user.Role, user.Company, user.CompanyId);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
