using MudBlazor;

namespace AIRisk.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme with status colours dark enough for WCAG 2.1 AA (4.5:1) as text on the page and behind white
/// text: the defaults (info #2196f3, success #00c853, warning #ff9800, error #f44336) fall between 1.9:1 and 3.7:1,
/// and axe-core flags every alert and chip drawn in them.
/// </summary>
internal static class ConsoleTheme
{
    public static readonly MudTheme Instance = new()
    {
        PaletteLight = new PaletteLight
        {
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a84d00",
            Error = "#c62828",
        },
    };
}
