namespace AIRisk.Tests.TestSupport;

/// <summary>
/// The app in browser mode: the browser visits the sandbox's authorize page and brings the code to <c>/callback</c>.
/// Chromium's pop-up blocker is on, as in a staff member's browser.
/// </summary>
public class BrowserModeAppFixture : BrowserAppFixture
{
    public override bool PopupBlocker => true;

    protected override void Configure(Dictionary<string, string?> environment) => environment["AIRISK_AUTH_MODE"] = "browser";
}
