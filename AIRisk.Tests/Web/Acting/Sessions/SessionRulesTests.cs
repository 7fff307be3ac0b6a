using AIRisk.Core.Api;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Options;

namespace AIRisk.Tests.Web.Acting.Sessions;

/// <summary>The rules of a session's life as a plain class: no sandbox, no database, no clock of its own.</summary>
public sealed class SessionRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly AIRiskUser Ordinary = new("u-1", "Uma User", "uma@example.com", "User");
    private static readonly StaffMember Admin = Staff("airisk-admins");
    private static readonly StaffMember Support = Staff();

    private readonly SessionRules _rules = new(
        new ImpersonationPolicy(Options.Create(Policy)),
        Options.Create(Policy));

    private static ConsolePolicyOptions Policy => new() { AdminRole = "airisk-admins", IdleTimeout = TimeSpan.FromMinutes(15), MaxSession = TimeSpan.FromHours(2) };

    [Fact]
    public void A_session_within_its_limits_and_still_allowed_goes_on()
    {
        Assert.Null(_rules.EndVerdict(Support, Ordinary, Ordinary, Start, Start.AddMinutes(10), Start.AddMinutes(20)));
    }

    [Fact]
    public void Idle_time_past_the_timeout_ends_it_as_idle()
    {
        var verdict = _rules.EndVerdict(Support, Ordinary, Ordinary, Start, Start, Start.AddMinutes(15));

        Assert.Equal(SessionEndCause.Idle, verdict?.Cause);
        Assert.Equal("no activity for 15 min", verdict?.Why);
    }

    [Fact]
    public void The_cap_ends_it_however_active_staff_are_and_wins_over_idle()
    {
        var verdict = _rules.EndVerdict(Support, Ordinary, Ordinary, Start, Start.AddHours(2).AddMinutes(-1), Start.AddHours(2));

        Assert.Equal(SessionEndCause.Cap, verdict?.Cause);
    }

    [Fact]
    public void A_target_no_longer_listed_ends_it_closed()
    {
        var verdict = _rules.EndVerdict(Support, Ordinary, listedNow: null, Start, Start, Start.AddMinutes(1));

        Assert.Equal(SessionEndCause.TargetNotFound, verdict?.Cause);
        Assert.Contains("Uma User", verdict?.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_promoted_to_company_admin_ends_it_for_staff_without_the_admin_role()
    {
        var promoted = Ordinary with { Role = "Company Admin", Roles = ["Company Admin"] };

        var verdict = _rules.EndVerdict(Support, Ordinary, promoted, Start, Start, Start.AddMinutes(1));

        Assert.Equal(SessionEndCause.TargetNowProtected, verdict?.Cause);
    }

    [Fact]
    public void A_company_admin_role_that_is_not_the_first_of_the_targets_roles_still_protects_them()
    {
        var twoRoles = Ordinary with { Role = "User", Roles = ["User", "Company Admin"] };

        var verdict = _rules.EndVerdict(Support, Ordinary, twoRoles, Start, Start, Start.AddMinutes(1));

        Assert.Equal(SessionEndCause.TargetNowProtected, verdict?.Cause);
    }

    [Fact]
    public void Staff_who_lost_the_admin_role_while_acting_as_a_company_admin_end_it_as_staff_lost_role()
    {
        var companyAdmin = Ordinary with { Role = "Company Admin", Roles = ["Company Admin"] };
        Assert.Null(_rules.EndVerdict(Admin, companyAdmin, companyAdmin, Start, Start, Start.AddMinutes(1)));

        var verdict = _rules.EndVerdict(Support, companyAdmin, companyAdmin, Start, Start, Start.AddMinutes(1));

        Assert.Equal(SessionEndCause.StaffLostRole, verdict?.Cause);
        Assert.Contains("airisk-admins", verdict?.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_staff_member_who_started_an_open_session_may_resume_it()
    {
        var open = new ActingSessionRecord("s-1", Support.Id, Support.Name, Ordinary, null, Start, Start);

        Assert.Null(SessionRules.ResumeRefusal(open, Support));
        Assert.Equal("another staff member's session", SessionRules.ResumeRefusal(open, Admin));
        Assert.Equal("session ended", SessionRules.ResumeRefusal(open with { EndedUtc = Start.AddMinutes(1), EndCause = SessionEndCause.Stopped }, Support));
        Assert.Equal("unknown session", SessionRules.ResumeRefusal(null, Support));
    }

    private static StaffMember Staff(params string[] roles) =>
        new(roles.Length == 0 ? "sam" : "ada", roles.Length == 0 ? "Sam Support" : "Ada Admin", roles.ToHashSet(StringComparer.OrdinalIgnoreCase), IsLocal: false);
}
