using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.StaffSignIn;
using static AIRisk.Tests.Web.Alerts.Detection.DetectionTrail;

namespace AIRisk.Tests.Web.Alerts.Detection;

/// <summary>Off-hours replayed over a real audit trail, with <c>OPERATOR_HOURS=Mon-Fri 07:00-19:00 Europe/Berlin</c>.</summary>
public sealed class OffHoursRuleTests
{
    private static readonly StaffMember Alice = Staff("alice");

    private static readonly Dictionary<string, string?> OfficeHours = new() { [DetectionOptions.OperatorHoursKey] = "Mon-Fri 07:00-19:00 Europe/Berlin" };

    [Fact]
    public async Task Acting_after_hours_raises_one_alert_per_stretch_of_off_hours()
    {
        await using var trail = await OpenAsync(OfficeHours);

        var session = (await At(trail, "2026-12-08T20:30+01:00").ActAsAsync(Alice, User(1)))!;
        var other = (await At(trail, "2026-12-08T22:00+01:00").ActAsAsync(Alice, User(2)))!;
        await At(trail, "2026-12-09T06:30+01:00").ViewAsync(Alice, other, User(2), 1);
        var inFirstStretch = await trail.AlertsAsync();
        await At(trail, "2026-12-09T19:30+01:00").WriteAsync(Alice, other, User(2));

        var alert = Assert.Single(inFirstStretch);
        Assert.Equal((AlertRules.OffHours, AlertSeverity.Medium, session), (alert.Rule, alert.Severity, alert.Sessions.Single()));
        Assert.Equal("alice (support) acted as User 1 at Tue 20:30, outside operator hours (Mon-Fri 07:00-19:00 Europe/Berlin).", alert.Summary);
        var next = (await trail.AlertsAsync())[^1];
        Assert.Equal("alice (support) wrote as User 2 at Wed 19:30, outside operator hours (Mon-Fri 07:00-19:00 Europe/Berlin).", next.Summary);
    }

    [Fact]
    public async Task A_session_begun_in_hours_is_caught_at_its_first_view_after_them()
    {
        await using var trail = await OpenAsync(OfficeHours);

        var session = (await At(trail, "2026-12-08T18:50+01:00").ActAsAsync(Alice, User(1)))!;
        var inHours = await trail.AlertsAsync();
        await At(trail, "2026-12-08T19:05+01:00").ViewAsync(Alice, session, User(1), 1);

        Assert.Empty(inHours);
        var alert = Assert.Single(await trail.AlertsAsync());
        Assert.StartsWith("alice (support) viewed a conversation of User 1 at Tue 19:05", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_weekend_is_off_hours()
    {
        await using var trail = await OpenAsync(OfficeHours);

        await At(trail, "2026-12-12T12:00+01:00").ActAsAsync(Alice, User(1));

        Assert.Contains("at Sat 12:00", Assert.Single(await trail.AlertsAsync()).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_minute_before_the_end_of_operator_hours_raises_nothing()
    {
        await using var trail = await OpenAsync(OfficeHours);

        await At(trail, "2026-12-08T18:59+01:00").ActAsAsync(Alice, User(1));
        await At(trail, "2026-12-09T07:00+01:00").ActAsAsync(Alice, User(2));

        Assert.Empty(await trail.AlertsAsync());
    }

    [Fact]
    public async Task Without_operator_hours_the_rule_is_off()
    {
        await using var trail = await OpenAsync();

        await At(trail, "2026-12-09T03:00+01:00").ActAsAsync(Alice, User(1));

        Assert.Empty(await trail.AlertsAsync());
    }

    private static DetectionTrail At(DetectionTrail trail, string at)
    {
        trail.Time.SetUtcNow(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        return trail;
    }
}
