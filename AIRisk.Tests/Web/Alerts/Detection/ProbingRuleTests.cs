using AIRisk.Web.Alerts;
using AIRisk.Web.StaffSignIn;
using static AIRisk.Tests.Web.Alerts.Detection.DetectionTrail;

namespace AIRisk.Tests.Web.Alerts.Detection;

/// <summary>Probing replayed over a real audit trail: 3 or more refused act-as attempts by one staff member in 10 minutes.</summary>
public sealed class ProbingRuleTests
{
    private static readonly StaffMember Mallory = Staff("mallory");

    [Fact]
    public async Task Three_refusals_within_ten_minutes_raise_one_alert_per_window()
    {
        await using var trail = await OpenAsync();

        await RefuseEachAsync(trail, 5, TimeSpan.FromMinutes(1));
        var inFirstWindow = await trail.AlertsAsync(AlertRules.Probing);
        trail.Time.Advance(TimeSpan.FromMinutes(10));
        await RefuseEachAsync(trail, 3, TimeSpan.FromMinutes(1));

        var alert = Assert.Single(inFirstWindow);
        Assert.Equal((AlertSeverity.Medium, "mallory"), (alert.Severity, alert.Staff.Id));
        Assert.Equal(["admin-1", "admin-2", "admin-3"], alert.Targets.Select(t => t.Id).Order());
        Assert.Equal("mallory (support) was refused 3 act-as attempts in 10 minutes (at least 3): Admin 3, Admin 2, Admin 1.", alert.Summary);
        Assert.Equal(2, (await trail.AlertsAsync(AlertRules.Probing)).Count);
    }

    [Fact]
    public async Task Two_refusals_within_ten_minutes_raise_nothing()
    {
        await using var trail = await OpenAsync();

        await RefuseEachAsync(trail, 2, TimeSpan.FromMinutes(1));

        Assert.Empty(await trail.AlertsAsync());
    }

    [Fact]
    public async Task Three_refusals_spread_over_more_than_ten_minutes_raise_nothing()
    {
        await using var trail = await OpenAsync();

        await RefuseEachAsync(trail, 3, TimeSpan.FromMinutes(5.5));

        Assert.Empty(await trail.AlertsAsync());
    }

    private static async Task RefuseEachAsync(DetectionTrail trail, int count, TimeSpan apart)
    {
        for (var n = 1; n <= count; n++)
        {
            await trail.RefusedAsync(Mallory, CompanyAdmin(n));
            trail.Time.Advance(apart);
        }
    }
}
