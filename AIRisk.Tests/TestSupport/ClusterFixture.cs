using AIRisk.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// The cluster tests' <see cref="LocalCluster"/> and a headless Chromium. Nothing starts where the machine lacks the
/// browser or the engines (<see cref="SkipReason"/>).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>Why the cluster cannot run here, or null.</summary>
    public static string? SkipReason => BrowserAppFixture.SkipReason ?? (LocalCluster.MissingEngines() is { Length: > 0 } missing
        ? $"Not installed: {missing}. apt-get install -y postgresql redis-server haproxy curl python3 (.ci/run does) to run the cluster tests."
        : null);

    public LocalCluster Cluster { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
            return;
        await Cluster.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserAppFixture.ChromiumPath, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Cluster.StopAsync();
    }

    /// <summary>
    /// A browser context whose requests HAProxy sends to node <paramref name="node"/> (its sticky cookie). Its first page
    /// load signs in at the cluster's identity provider, which answers at once: following the redirects is all it takes.
    /// </summary>
    public async Task<IBrowserContext> ContextOnNodeAsync(int node)
    {
        var address = Cluster.Address.ToString();
        var context = await Browser.NewContextAsync(new() { BaseURL = address, ViewportSize = new() { Width = 1440, Height = 900 } });
        await context.AddCookiesAsync([new Cookie { Name = "AIRISK_NODE", Value = $"node{node}", Url = address }]);
        return context;
    }
}
