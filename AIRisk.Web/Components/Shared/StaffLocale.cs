using System.Globalization;

namespace AIRisk.Web.Components.Shared;

/// <summary>
/// The staff member's own locale and time zone, as their browser reports them: the server's culture and clock (UTC
/// on most hosts) would show every date in the wrong zone and format. Until the browser has answered
/// (<see cref="Unknown"/>), dates show in UTC with the invariant culture, and say so. The layout cascades it.
/// </summary>
public sealed record StaffLocale(CultureInfo Culture, TimeZoneInfo TimeZone, bool IsKnown)
{
    public static readonly StaffLocale Unknown = new(CultureInfo.InvariantCulture, TimeZoneInfo.Utc, IsKnown: false);

    /// <summary>What the browser said; an unknown language or zone keeps the default for that part.</summary>
    public static StaffLocale From(string? language, string? timeZone)
    {
        var culture = CultureInfo.InvariantCulture;
        if (!string.IsNullOrWhiteSpace(language))
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(language);
            }
            catch (CultureNotFoundException)
            {
                // Keep the invariant culture: a plain format is better than none.
            }
        }

        var zone = !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new StaffLocale(culture, zone, IsKnown: true);
    }

    /// <summary>Date and time, short, in the staff member's zone and format.</summary>
    public string Format(DateTimeOffset value) => Format(value, "g");

    /// <summary>Date and time with seconds (the audit trail).</summary>
    public string FormatPrecise(DateTimeOffset value) => Format(value, "G");

    /// <summary>Midnight starting <paramref name="day"/> in the staff member's zone, as an instant.</summary>
    public DateTimeOffset StartOfDay(DateTime day)
    {
        var local = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    private string Format(DateTimeOffset value, string format) =>
        TimeZoneInfo.ConvertTime(value, TimeZone).ToString(format, Culture) + (IsKnown ? "" : " UTC");
}
