using AIRisk.Web.Alerts.Detection;

namespace AIRisk.Tests.Web.Alerts.Detection;

public sealed class OperatorHoursTests
{
    [Theory]
    [InlineData("Mon-Fri 07:00-19:00", "must look like 'Mon-Fri 07:00-19:00 Europe/Berlin' (days, hours, an IANA time zone)")]
    [InlineData("Funday 07:00-19:00 UTC", "days are Mon, Tue, Wed, Thu, Fri, Sat, Sun")]
    [InlineData("Mon-Fri 7-19 UTC", "hours are HH:mm-HH:mm")]
    [InlineData("Mon-Fri 09:00-09:00 UTC", "start and end different")]
    [InlineData("Mon-Fri 07:00-19:00 Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a time zone this machine knows")]
    public void A_malformed_value_says_what_is_wrong(string text, string problem)
    {
        var hours = OperatorHours.Parse(text, out var found);

        Assert.Null(hours);
        Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void Night_hours_run_past_midnight_and_off_hours_begin_when_they_end()
    {
        var hours = OperatorHours.Parse("Mon-Sun 22:00-06:00 UTC", out _)!;

        Assert.True(hours.Contains(At("2026-12-08T23:30Z")));
        Assert.True(hours.Contains(At("2026-12-09T05:59Z")));
        Assert.False(hours.Contains(At("2026-12-09T12:00Z")));
        Assert.Equal(At("2026-12-09T06:00Z"), hours.OffHoursSince(At("2026-12-09T12:00Z")));
        Assert.Null(hours.OffHoursSince(At("2026-12-08T23:30Z")));
    }

    [Fact]
    public void Hours_follow_the_zones_clock_change()
    {
        var hours = OperatorHours.Parse("Mon-Sun 07:00-19:00 Europe/Berlin", out _)!;

        // 05:30 UTC is 06:30 in Berlin the day before summer time, 07:30 on the day it begins (29 March 2026).
        Assert.False(hours.Contains(At("2026-03-28T05:30Z")));
        Assert.True(hours.Contains(At("2026-03-29T05:30Z")));
    }

    [Fact]
    public void Off_hours_over_a_weekend_began_on_friday_evening()
    {
        var hours = OperatorHours.Parse("mon-fri 07:00-19:00 Europe/Berlin", out _)!;

        Assert.Equal(At("2026-12-11T18:00Z"), hours.OffHoursSince(At("2026-12-13T10:00Z")));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
