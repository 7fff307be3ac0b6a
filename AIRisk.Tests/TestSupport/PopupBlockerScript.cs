namespace AIRisk.Tests.TestSupport;

/// <summary>
/// What a staff member's browser does and headless Chromium under Playwright does not, even with its pop-up blocker
/// flag left on (Playwright's navigations count as a user gesture): <c>window.open</c> returns null unless a real
/// click or key press happened in the last 5 seconds.
/// </summary>
internal static class PopupBlockerScript
{
    public const string BlockWindowsWithoutGesture = """
        (() => {
            let lastGesture = -Infinity;
            for (const type of ['click', 'keydown'])
                addEventListener(type, e => { if (e.isTrusted) lastGesture = performance.now(); }, true);
            const open = window.open;
            window.open = function (...args) {
                return performance.now() - lastGesture < 5000 ? open.apply(this, args) : null;
            };
        })();
        """;
}
