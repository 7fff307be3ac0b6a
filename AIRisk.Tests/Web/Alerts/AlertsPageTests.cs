using AIRisk.Tests.TestSupport;
using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Components;
using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Alerts;

/// <summary>The Alerts page and the app bar's badge over a real audit trail, as an auditor and as someone who is not one.</summary>
public sealed class AlertsPageTests() : DashboardTestContext(settings: s => s[AuditOptions.AuditorRoleKey] = "auditor")
{
    private static readonly StaffMember Auditor = new("aud-1", "Ada Auditor", new HashSet<string>(["auditor"], StringComparer.OrdinalIgnoreCase), IsLocal: false);

    private StaffContext StaffContext => Context.Services.GetRequiredService<StaffContext>();

    [Fact]
    public async Task An_auditor_sees_every_alert_newest_first_with_its_staff_member_users_and_session_timelines()
    {
        StaffContext.Current = Auditor;
        await RaiseAsync("first", AlertRules.Probing, AlertSeverity.Medium, sessions: []);
        await RaiseAsync("second", AlertRules.FanOut, AlertSeverity.High, sessions: ["s-1", "s-2"]);

        var page = Render<AlertsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=alert]").Count));
        var newest = page.FindAll("[data-testid=alert]")[0];
        Assert.Equal(AlertRules.FanOut, newest.GetAttribute("data-rule"));
        Assert.Contains("Bob Support", newest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Uma User", newest.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/audit?session=s-1", "/audit?session=s-2"], newest.QuerySelectorAll("[data-testid=alert-session]").Select(a => a.GetAttribute("href")));
        Assert.All(page.FindAll("[data-testid=alert]"), a => Assert.Equal("new", a.GetAttribute("data-state")));
    }

    [Fact]
    public async Task A_triage_is_recorded_with_who_did_it_and_the_badge_counts_one_fewer_new_alert()
    {
        StaffContext.Current = Auditor;
        var first = await RaiseAsync("first", AlertRules.FanOut, AlertSeverity.High, sessions: ["s-1"]);
        await RaiseAsync("second", AlertRules.Probing, AlertSeverity.Medium, sessions: []);
        var badge = Render<AlertBadge>();
        badge.WaitForAssertion(() => Assert.Equal("2", badge.Find("[data-testid=alert-badge]").GetAttribute("data-new")));
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=alert]").Count));

        page.Find($"[data-alert-id='{first.Id}'] [data-testid=triage-false-positive]").Click();

        page.WaitForAssertion(() => Assert.Equal("false-positive", page.Find($"[data-alert-id='{first.Id}']").GetAttribute("data-state")));
        Assert.Contains("Ada Auditor", page.Find($"[data-alert-id='{first.Id}'] [data-testid=alert-triaged-by]").TextContent, StringComparison.Ordinal);
        badge.WaitForAssertion(() => Assert.Equal("1", badge.Find("[data-testid=alert-badge]").GetAttribute("data-new")));
        var triage = Assert.Single((await Audit.QueryAsync(new AuditQuery(Staff: "Ada Auditor"), Ct)).Items, e => e.Action == AuditAction.AlertTriaged);
        Assert.Equal(new AlertTriaged(first.Id, AlertTriage.FalsePositive), AlertTriaged.FromEntry(triage));
    }

    [Fact]
    public async Task An_alert_raised_elsewhere_appears_on_the_open_page_and_in_the_badge_without_a_reload()
    {
        StaffContext.Current = Auditor;
        var page = Render<AlertsPage>();
        var badge = Render<AlertBadge>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=alerts-empty]")));

        // Written straight into the shared trail, as another node's rule would.
        var raised = await RaiseAsync("elsewhere", AlertRules.OffHours, AlertSeverity.Medium, sessions: ["s-9"]);

        page.WaitForAssertion(() => Assert.Equal(raised.Id, page.Find("[data-testid=alert]").GetAttribute("data-alert-id")));
        badge.WaitForAssertion(() => Assert.Equal("1", badge.Find("[data-testid=alert-badge]").GetAttribute("data-new")));
    }

    [Fact]
    public async Task Staff_without_the_auditor_role_see_neither_the_alerts_nor_the_badge_and_their_visit_is_not_a_reading()
    {
        StaffContext.Current = new StaffMember("s-1", "Sam Support", new HashSet<string>(["support"], StringComparer.OrdinalIgnoreCase), IsLocal: false);
        await RaiseAsync("hidden", AlertRules.FanOut, AlertSeverity.High, sessions: []);

        var page = Render<AlertsPage>();
        var badge = Render<AlertBadge>();

        Assert.Contains("OPERATOR_AUDITOR_ROLE", page.Find("[data-testid=alerts-refused]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=alert]"));
        Assert.Empty(badge.FindAll("[data-testid=alert-badge]"));
        Assert.DoesNotContain((await Audit.QueryAsync(new AuditQuery(), Ct)).Items, e => e.Action == AuditAction.AuditRead);
    }

    [Fact]
    public async Task Opening_the_page_is_recorded_as_a_reading_of_the_trail()
    {
        StaffContext.Current = Auditor;

        var page = Render<AlertsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=alerts-empty]")));
        var reading = Assert.Single((await Audit.QueryAsync(new AuditQuery(), Ct)).Items);
        Assert.Equal((AuditAction.AuditRead, "Ada Auditor", "opened the alerts page"), (reading.Action, reading.StaffName, reading.Detail));
    }

    private async Task<Alert> RaiseAsync(string summary, string rule, AlertSeverity severity, IReadOnlyList<string> sessions)
    {
        var alert = new Alert(Guid.NewGuid().ToString("N"), rule, severity, DateTimeOffset.UtcNow, new AlertPerson("bob", "Bob Support"),
            [new AlertPerson("u-1", "Uma User")], sessions, summary);
        await Audit.RecordAsync(AlertRecord.ToEntry(alert), Ct);
        return alert;
    }
}
