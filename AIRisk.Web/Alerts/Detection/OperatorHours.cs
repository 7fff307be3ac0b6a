using System.Globalization;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// When staff are expected to act as users, as <c>OPERATOR_HOURS</c> says: days, hours and an IANA time zone
/// (<c>Mon-Fri 07:00-19:00 Europe/Berlin</c>). Hours that end before they start run past midnight
/// (<c>Mon-Sun 22:00-06:00 UTC</c>: a night shift, each night belonging to the day it starts). Daylight saving is the
/// zone's.
/// </summary>
public sealed class OperatorHours
{
    /// <summary>How far back the last working hours are looked for: a week and a day covers any set of days.</summary>
    private const int DaysBack = 8;

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private readonly IReadOnlySet<DayOfWeek> _days;
    private readonly TimeSpan _start;
    private readonly TimeSpan _end;
    private readonly TimeZoneInfo _zone;
    private readonly string _text;

    private OperatorHours(IReadOnlySet<DayOfWeek> days, TimeSpan start, TimeSpan end, TimeZoneInfo zone, string text)
    {
        _days = days;
        _start = start;
        _end = end;
        _zone = zone;
        _text = text;
    }

    /// <returns>The hours, or <c>null</c> with <paramref name="problem"/> saying what is wrong (after the key's name).</returns>
    public static OperatorHours? Parse(string text, out string? problem)
    {
        const string Shape = "must look like 'Mon-Fri 07:00-19:00 Europe/Berlin' (days, hours, an IANA time zone)";
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
            return Fail($"{Shape}", out problem);
        if (Days(parts[0]) is not { } days)
            return Fail($"{Shape}: days are Mon, Tue, Wed, Thu, Fri, Sat, Sun, as a range (Mon-Fri) or a list (Mon,Wed,Sat-Sun)", out problem);
        var hours = parts[1].Split('-');
        if (hours.Length != 2 || Time(hours[0]) is not { } start || Time(hours[1]) is not { } end || start == end || start == TimeSpan.FromDays(1))
            return Fail($"{Shape}: hours are HH:mm-HH:mm, from 00:00 to 24:00, start and end different", out problem);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(parts[2], out var zone))
            return Fail($"{Shape}: '{parts[2]}' is not a time zone this machine knows (tzdata)", out problem);
        problem = null;
        return new OperatorHours(days, start, end, zone, string.Join(' ', parts));
    }

    private static OperatorHours? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }

    /// <returns>Whether <paramref name="at"/> lies within the hours.</returns>
    public bool Contains(DateTimeOffset at) => Intervals(at).Any(i => i.Start <= at && at < i.End);

    /// <returns>
    /// When the stretch of off-hours that <paramref name="at"/> lies in began (the end of the last working hours
    /// before it, at most a week and a day back); <c>null</c> within the hours.
    /// </returns>
    public DateTimeOffset? OffHoursSince(DateTimeOffset at)
    {
        var intervals = Intervals(at);
        if (intervals.Any(i => i.Start <= at && at < i.End))
            return null;
        return intervals.Where(i => i.End <= at).Select(i => i.End).DefaultIfEmpty(at.AddDays(-DaysBack)).Max();
    }

    /// <returns><paramref name="at"/> on the zone's clock, as staff and auditors read it (<c>Tue 21:14</c>).</returns>
    public string LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture);

    public override string ToString() => _text;

    /// <summary>The working hours of the days around <paramref name="at"/>, as instants.</summary>
    private List<(DateTimeOffset Start, DateTimeOffset End)> Intervals(DateTimeOffset at)
    {
        var today = TimeZoneInfo.ConvertTime(at, _zone).Date;
        List<(DateTimeOffset, DateTimeOffset)> intervals = [];
        for (var day = today.AddDays(-DaysBack); day <= today; day = day.AddDays(1))
        {
            if (_days.Contains(day.DayOfWeek))
                intervals.Add((Instant(day + _start), Instant(day + _end + (_end < _start ? TimeSpan.FromDays(1) : TimeSpan.Zero))));
        }

        return intervals;
    }

    /// <summary>A wall-clock time in the zone as an instant; a time skipped by a clock change counts from after it.</summary>
    private DateTimeOffset Instant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static HashSet<DayOfWeek>? Days(string text)
    {
        HashSet<DayOfWeek> days = [];
        foreach (var part in text.Split(','))
        {
            var range = part.Split('-');
            if (range.Length > 2 || Day(range[0]) is not { } first || Day(range[^1]) is not { } last)
                return null;
            // A range may wrap over the week's end (Fri-Mon).
            for (var day = first; ; day = (DayOfWeek)(((int)day + 1) % 7))
            {
                days.Add(day);
                if (day == last)
                    break;
            }
        }

        return days;
    }

    private static DayOfWeek? Day(string text) =>
        Array.FindIndex(DayNames, d => string.Equals(d, text, StringComparison.OrdinalIgnoreCase)) is var index and >= 0 ? (DayOfWeek)index : null;

    private static TimeSpan? Time(string text)
    {
        if (text == "24:00")
            return TimeSpan.FromDays(1);
        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var time) ? time : null;
    }
}
