namespace AIRisk.Tests.TestSupport;

/// <summary>The app in browser mode: the browser visits the sandbox's authorize page and brings the code to <c>/callback</c>.</summary>
public sealed class BrowserModeAppFixture : BrowserAppFixture
{
    protected override void Configure(Dictionary<string, string?> environment) => environment["AIRISK_AUTH_MODE"] = "browser";
}
