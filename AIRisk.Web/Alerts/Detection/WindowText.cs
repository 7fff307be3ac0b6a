using System.Globalization;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>A window as a summary says it: <c>15 minutes</c>, <c>8 hours</c>, <c>90 seconds</c>.</summary>
internal static class WindowText
{
    public static string Describe(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? Count(window.TotalHours, "hour")
        : window.TotalMinutes >= 1 && window.TotalMinutes == Math.Floor(window.TotalMinutes) ? Count(window.TotalMinutes, "minute")
        : Count(Math.Round(window.TotalSeconds), "second");

    private static string Count(double value, string unit) =>
        value == 1 ? $"1 {unit}" : $"{value.ToString("0.##", CultureInfo.InvariantCulture)} {unit}s";
}
