using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;
using AIRisk.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>circuit_memory_mb</c> (40 users) and <c>circuit_memory_100k_mb</c> (100,000 users): what one more connected
/// circuit costs the server. The real AIRisk.Web runs as its own process against a sandbox hosted here; headless
/// system Chromium opens pages on the users list, each its own circuit. Two warm-up pages pay the one-time costs
/// (JIT, the shared user directory); then a forced full GC and a reading, N more pages with their rows shown, a
/// forced full GC and a second reading. The figure is the growth of live managed memory divided by N; the heap size
/// (with the GC's free space) and private memory (RssAnon) growth per page are printed beside it.
/// </summary>
public sealed class CircuitMemoryFigure(BenchSettings settings)
{
    private const int WarmUpPages = 2;
    private const double Megabyte = 1024 * 1024;

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        (string Name, int Users, double GoalMb)[] cases = [("circuit_memory_mb", 40, 5), ("circuit_memory_100k_mb", 100_000, 10)];
        if (!BenchChromium.Exists)
        {
            foreach (var (name, _, goal) in cases)
                report.Add(Figure.Skip(name, "MB", Goal.Max(goal, "MB"), $"no {BenchChromium.Path}"));
            return;
        }

        var pages = settings.Pick(10, 20);
        using var playwright = await Playwright.CreateAsync();
        foreach (var (name, users, goal) in cases)
        {
            var (before, after) = await MeasureAsync(playwright, users, pages, ct);
            var live = (after.ManagedLive - before.ManagedLive) / Megabyte / pages;
            var heap = (after.ManagedHeap - before.ManagedHeap) / Megabyte / pages;
            var rss = (after.PrivateResident - before.PrivateResident) / Megabyte / pages;
            report.Add(new Figure(name, live, "MB", Goal.Max(goal, "MB")));
            FigureReport.Note($"{name}: {users:N0} users, {pages} pages after {WarmUpPages} warm-up pages{(settings.Quick ? " (quick mode; the full run opens 20)" : "")}; " +
                              $"after forced full GCs, live managed {before.ManagedLive / Megabyte:0.0} -> {after.ManagedLive / Megabyte:0.0} MB ({live:0.00} MB per circuit), " +
                              $"managed heap {before.ManagedHeap / Megabyte:0.0} -> {after.ManagedHeap / Megabyte:0.0} MB ({heap:0.00}), " +
                              $"private memory (RssAnon) {before.PrivateResident / Megabyte:0.0} -> {after.PrivateResident / Megabyte:0.0} MB ({rss:0.00} MB per circuit)");
        }
    }

    /// <returns>The server's memory with the warm-up pages open, and with the N pages open as well.</returns>
    private async Task<(ProcessMemory.Sample Before, ProcessMemory.Sample After)> MeasureAsync(IPlaywright playwright, int users, int pages, CancellationToken ct)
    {
        await using var sandbox = await BenchSandbox.StartAsync(settings.Latency, userCount: users, ct: ct);
        await using var app = await WebAppProcess.StartAsync(sandbox.CoreSettings(), ct: ct);
        await using var browser = await BenchChromium.LaunchAsync(playwright);

        for (var i = 0; i < WarmUpPages; i++)
            await OpenUsersPageAsync(browser, app.BaseAddress);
        var before = await ProcessMemory.CollectAsync(app.ProcessId, ct);

        for (var i = 0; i < pages; i++)
            await OpenUsersPageAsync(browser, app.BaseAddress);
        // Let each circuit finish its first renders and acknowledgements before reading.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var after = await ProcessMemory.CollectAsync(app.ProcessId, ct);

        return (before, after);
    }

    /// <summary>A new page (its own browser context, so its own circuit) showing the first rows of the users list.</summary>
    private static async Task OpenUsersPageAsync(IBrowser browser, Uri baseAddress)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString());
        await page.Locator("[data-testid=user-row]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
    }
}
