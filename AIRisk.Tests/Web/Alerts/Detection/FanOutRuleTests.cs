using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.StaffSignIn;
using static AIRisk.Tests.Web.Alerts.Detection.DetectionTrail;

namespace AIRisk.Tests.Web.Alerts.Detection;

/// <summary>Fan-out replayed over a real audit trail: more than 10 users in 15 minutes, or more than 25 in 8 hours.</summary>
public sealed class FanOutRuleTests
{
    private static readonly StaffMember Alice = Staff("alice");

    [Fact]
    public async Task Eleven_users_within_fifteen_minutes_raise_one_high_alert_per_window()
    {
        await using var trail = await OpenAsync();

        await ActAsEachAsync(trail, Enumerable.Range(1, 15), TimeSpan.FromSeconds(30));
        var inFirstWindow = await trail.AlertsAsync(AlertRules.FanOut);
        trail.Time.Advance(TimeSpan.FromMinutes(16));
        await ActAsEachAsync(trail, Enumerable.Range(1, 11), TimeSpan.FromSeconds(30));

        var alert = Assert.Single(inFirstWindow);
        Assert.Equal((AlertSeverity.High, "alice", 11), (alert.Severity, alert.Staff.Id, alert.Targets.Count));
        Assert.Equal(11, alert.Sessions.Count);
        Assert.Equal("alice (support) acted as 11 different users in 15 minutes (more than 10).", alert.Summary);
        Assert.Equal(2, (await trail.AlertsAsync(AlertRules.FanOut)).Count);
    }

    [Fact]
    public async Task Ten_users_within_fifteen_minutes_however_often_raise_nothing()
    {
        await using var trail = await OpenAsync();

        // A support desk's working set: the same ten users, again and again.
        for (var round = 0; round < 3; round++)
            await ActAsEachAsync(trail, Enumerable.Range(1, 10), TimeSpan.FromSeconds(20));

        Assert.Empty(await trail.AlertsAsync());
    }

    [Fact]
    public async Task Twenty_six_users_within_eight_hours_raise_one_alert_for_the_day()
    {
        await using var trail = await OpenAsync();

        // 17 minutes apart: never more than one user in any 15 minutes.
        await ActAsEachAsync(trail, Enumerable.Range(1, 30), TimeSpan.FromMinutes(17));

        var alert = Assert.Single(await trail.AlertsAsync());
        Assert.Equal(AlertRules.FanOut, alert.Rule);
        Assert.Equal(26, alert.Targets.Count);
        Assert.Contains("26 different users in 8 hours (more than 25)", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_five_users_within_eight_hours_raise_nothing()
    {
        await using var trail = await OpenAsync();

        await ActAsEachAsync(trail, Enumerable.Range(1, 25), TimeSpan.FromMinutes(18));

        Assert.Empty(await trail.AlertsAsync());
    }

    [Fact]
    public async Task Another_staff_members_users_do_not_count()
    {
        await using var trail = await OpenAsync();

        await ActAsEachAsync(trail, Enumerable.Range(1, 6), TimeSpan.FromSeconds(30));
        foreach (var n in Enumerable.Range(7, 6))
            await trail.ActAsAsync(Staff("bob"), User(n));

        Assert.Empty(await trail.AlertsAsync());
    }

    [Fact]
    public async Task Past_twice_the_limit_a_new_user_is_refused_and_a_user_already_in_the_window_is_not()
    {
        await using var trail = await OpenAsync();
        await ActAsEachAsync(trail, Enumerable.Range(1, 20), TimeSpan.FromSeconds(20));

        var twentyFirst = await trail.ActAsAsync(Alice, User(21));
        var again = await trail.ActAsAsync(Alice, User(3));
        trail.Time.Advance(TimeSpan.FromMinutes(15));
        var later = await trail.ActAsAsync(Alice, User(22));

        Assert.Null(twentyFirst);
        Assert.NotNull(again);
        Assert.NotNull(later);
    }

    [Fact]
    public void The_refusal_names_the_count_the_window_and_when_it_lifts()
    {
        var rule = new FanOutRule(new DetectionOptions());
        var now = Tuesday;
        List<TargetSeen> seen = [.. Enumerable.Range(1, 20).Select(n => new TargetSeen($"user-{n}", $"User {n}", now.AddMinutes(-1)))];

        var refusal = rule.Refusal(seen, User(21), now);

        Assert.Equal("you have acted as 20 different users in the last 15 minutes, twice the 10 that raise an alert; a new user can be acted as once fewer fall within that window", refusal);
        Assert.Null(new FanOutRule(new DetectionOptions { RefuseFanOut = false }).Refusal(seen, User(21), now));
    }

    private static async Task ActAsEachAsync(DetectionTrail trail, IEnumerable<int> users, TimeSpan apart)
    {
        foreach (var n in users)
        {
            await trail.ActAsAsync(Alice, User(n));
            trail.Time.Advance(apart);
        }
    }
}
