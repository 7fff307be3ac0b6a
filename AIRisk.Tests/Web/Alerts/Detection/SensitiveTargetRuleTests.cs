using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.StaffSignIn;
using static AIRisk.Tests.Web.Alerts.Detection.DetectionTrail;

namespace AIRisk.Tests.Web.Alerts.Detection;

/// <summary>Sensitive target replayed over a real audit trail: a protected user or a colleague, on every session.</summary>
public sealed class SensitiveTargetRuleTests
{
    private static readonly StaffMember Alice = Staff("alice");

    private static readonly Dictionary<string, string?> Colleagues = new() { [DetectionOptions.StaffEmailDomainsKey] = "corp.example, @staff.example" };

    [Fact]
    public async Task Every_session_with_a_company_admin_raises_its_own_alert_in_that_session()
    {
        await using var trail = await OpenAsync();

        var first = await trail.ActAsAsync(Alice, CompanyAdmin(1));
        var second = await trail.ActAsAsync(Alice, CompanyAdmin(1));

        var alerts = await trail.AlertsAsync(AlertRules.SensitiveTarget);
        Assert.Equal([first!, second!], alerts.Select(a => Assert.Single(a.Sessions)));
        Assert.All(alerts, a => Assert.Equal((AlertSeverity.Medium, "admin-1"), (a.Severity, a.Targets.Single().Id)));
        Assert.Equal("alice (support) acted as Admin 1, a Company Admin.", alerts[0].Summary);
        var timeline = (await trail.Trail.QueryAsync(new AIRisk.Web.Audit.AuditQuery { SessionId = first }, TestContext.Current.CancellationToken)).Items;
        Assert.Contains(timeline, e => e.Action == AIRisk.Web.Audit.AuditAction.Alert);
    }

    [Fact]
    public async Task A_colleague_by_email_domain_raises_an_alert()
    {
        await using var trail = await OpenAsync(Colleagues);

        await trail.ActAsAsync(Alice, User(1, "corp.example"));
        await trail.ActAsAsync(Alice, User(2, "STAFF.example"));

        var alerts = await trail.AlertsAsync(AlertRules.SensitiveTarget);
        Assert.Equal(["user-1", "user-2"], alerts.Select(a => a.Targets.Single().Id));
        Assert.Equal("alice (support) acted as User 1, a colleague (email domain corp.example).", alerts[0].Summary);
    }

    [Fact]
    public async Task An_ordinary_user_of_another_domain_raises_nothing()
    {
        await using var trail = await OpenAsync(Colleagues);

        await trail.ActAsAsync(Alice, User(1, "customer.example"));
        await trail.ActAsAsync(Alice, User(2, "notcorp.example"));
        await trail.ActAsAsync(Alice, User(3, "corp.example.org"));

        Assert.Empty(await trail.AlertsAsync());
    }
}
