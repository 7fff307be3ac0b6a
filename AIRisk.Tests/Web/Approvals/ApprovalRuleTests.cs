using AIRisk.Core.Api;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Approvals;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Options;

namespace AIRisk.Tests.Web.Approvals;

/// <summary>When an exception may wait for a second person, as a plain class.</summary>
public sealed class ApprovalRuleTests
{
    private static readonly AIRiskUser Admin = new("u-1", "Ada Admin", "ada@example.com", "Company Admin");
    private static readonly AIRiskUser Ordinary = new("u-2", "Uma User", "uma@example.com", "User");
    private static readonly StaffMember Support = Staff("airisk-console");
    private static readonly StaffSignInOptions SignIn = new() { Authority = "https://idp.example/", ClientId = "c", ClientSecret = "s", RequiredRole = "airisk-console" };

    [Fact]
    public void A_protected_target_asks_for_approval_when_an_approver_role_is_set()
    {
        var why = Rule("airisk-approvers").ForProtectedTarget(Support, Admin);

        Assert.Equal("acting as a Company Admin", why);
    }

    [Fact]
    public void Without_an_approver_role_a_protected_target_stays_refused()
    {
        Assert.Null(Rule(null).ForProtectedTarget(Support, Admin));
    }

    [Fact]
    public void A_target_nothing_protects_needs_no_approval()
    {
        Assert.Null(Rule("airisk-approvers").ForProtectedTarget(Support, Ordinary));
    }

    [Fact]
    public void Staff_who_lost_the_console_role_may_not_ask_for_approval()
    {
        var lost = Staff();

        Assert.Null(Rule("airisk-approvers").ForProtectedTarget(lost, Admin));
        Assert.Null(Rule("airisk-approvers").ForFanOut(lost, "too many"));
    }

    [Fact]
    public void The_fan_out_refusal_and_a_missing_ticket_ask_for_approval_naming_why()
    {
        var rule = Rule("airisk-approvers");

        Assert.Equal("fan-out: 22 users", rule.ForFanOut(Support, "22 users"));
        Assert.Equal("no fitting ticket: ticket 9 is closed", rule.ForMissingTicket(Support, "ticket 9 is closed"));
    }

    [Fact]
    public void Only_staff_holding_the_approver_role_now_are_approvers()
    {
        var rule = Rule("airisk-approvers");

        Assert.True(rule.IsApprover(Staff("airisk-console", "airisk-approvers")));
        Assert.False(rule.IsApprover(Support));
        Assert.False(rule.IsApprover(StaffMember.LocalOperator));
    }

    private static ApprovalRule Rule(string? approverRole) => new(
        Options.Create(new ApprovalOptions { ApproverRole = approverRole }),
        new ImpersonationPolicy(Options.Create(new ConsolePolicyOptions { AdminRole = "airisk-admins" })),
        SignIn);

    private static StaffMember Staff(params string[] roles) => new("s-1", "Sam Support", roles.ToHashSet(StringComparer.OrdinalIgnoreCase), IsLocal: false);
}
