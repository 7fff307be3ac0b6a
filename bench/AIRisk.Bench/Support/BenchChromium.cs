using Microsoft.Playwright;

namespace AIRisk.Bench.Support;

/// <summary>The system Chromium the browser figures drive (never a downloaded one), with the closed network's flags.</summary>
internal static class BenchChromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Exists => File.Exists(Path);

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Path,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}
