using AIRisk.Core.Api;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AIRisk.Tests.Web.Acting;

public sealed class ActingPolicyTests() : DashboardTestContext(settings: s => s[ConsolePolicyKeys.AdminRole] = "airisk-admins")
{
    private AIRiskUser CompanyAdmin => Target(u => u.Role == "Company Admin");

    private AIRiskUser OrdinaryUser => Target(u => u.Role == "User");

    [Fact]
    public async Task Acting_and_stopping_are_recorded_with_staff_target_and_reason()
    {
        SignIn("alice", "Alice Support");
        var user = OrdinaryUser;

        await Acting.SwitchAsync(user, ct: Ct);
        await Ender.EndAsync(SessionEndCause.Stopped);

        var entries = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items.Reverse().ToList();
        Assert.Equal(
            [(AuditAction.ActAs, AuditOutcome.Requested), (AuditAction.ActAs, AuditOutcome.Succeeded), (AuditAction.Stop, AuditOutcome.Succeeded)],
            entries.Select(e => (e.Action, e.Outcome)));
        Assert.All(entries, e => Assert.Equal(("alice", user.Id), (e.StaffId, e.TargetUserId)));
        Assert.Equal(entries[1].SessionId, entries[2].SessionId);
        Assert.NotNull(entries[1].SessionId);
    }

    [Fact]
    public async Task Staff_without_the_admin_role_may_not_act_as_a_company_admin()
    {
        SignIn("bob", "Bob Support");
        var admin = CompanyAdmin;

        var switched = await Acting.SwitchAsync(admin, ct: Ct);

        Assert.False(switched);
        Assert.False(Tokens.Current.IsActing);
        Assert.Contains("airisk-admins", LastError, StringComparison.Ordinal);
        var entry = Assert.Single((await Audit.QueryAsync(new AuditQuery(), Ct)).Items);
        Assert.Equal((AuditOutcome.Refused, admin.Id), (entry.Outcome, entry.TargetUserId));
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(admin.Id));
    }

    [Fact]
    public async Task A_company_admin_role_that_is_not_the_first_still_protects_the_target()
    {
        SignIn("bob", "Bob Support");
        var user = OrdinaryUser;
        var admin = user with { Roles = ["User", "Company Admin"] };

        var switched = await Acting.SwitchAsync(admin, ct: Ct);

        Assert.False(switched);
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(user.Id));
    }

    [Fact]
    public async Task A_target_whose_role_cannot_be_read_is_protected()
    {
        SignIn("bob", "Bob Support");
        var unknown = AIRiskUser.FromId(OrdinaryUser.Id);

        var switched = await Acting.SwitchAsync(unknown, ct: Ct);

        Assert.False(switched);
        Assert.Contains("role could not be read", LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewal_after_the_staff_member_lost_the_admin_role_ends_the_session_instead()
    {
        SignIn("carol", "Carol Admin", "airisk-admins");
        var admin = CompanyAdmin;
        await Acting.SwitchAsync(admin, ct: Ct);
        var tokenCalls = Sandbox.State.Requests.CountTokenCalls(admin.Id);
        SignIn("carol", "Carol Admin");

        await Assert.ThrowsAsync<AIRiskApiException>(() => ActingTokens.GetTokenAsync(Tokens.Current, refused: true, Ct));

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(tokenCalls, Sandbox.State.Requests.CountTokenCalls(admin.Id));
        var end = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items[0];
        Assert.Equal((AuditAction.Stop, admin.Id), (end.Action, end.TargetUserId));
        Assert.Contains("airisk-admins", end.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allowed_renewal_is_recorded()
    {
        var user = OrdinaryUser;
        await Acting.SwitchAsync(user, ct: Ct);

        await ActingTokens.GetTokenAsync(Tokens.Current, refused: true, Ct);

        Assert.Equal(user.Id, Tokens.Current.User?.Id);
        Assert.Equal(AuditAction.TokenRenewed, (await Audit.QueryAsync(new AuditQuery(), Ct)).Items[0].Action);
    }

    [Fact]
    public async Task A_call_still_in_flight_after_stop_gets_no_token()
    {
        var user = OrdinaryUser;
        await Acting.SwitchAsync(user, ct: Ct);
        var session = Tokens.Current;
        var tokenCalls = Sandbox.State.Requests.CountTokenCalls(user.Id);
        await Ender.EndAsync(SessionEndCause.Stopped);

        await Assert.ThrowsAsync<AIRiskApiException>(() => ActingTokens.GetTokenAsync(session, refused: true, Ct));

        Assert.Equal(tokenCalls, Sandbox.State.Requests.CountTokenCalls(user.Id));
    }

    [Fact]
    public async Task Staff_with_the_admin_role_may_act_as_a_company_admin()
    {
        SignIn("carol", "Carol Admin", "airisk-admins");

        var switched = await Acting.SwitchAsync(CompanyAdmin, ct: Ct);

        Assert.True(switched);
    }

    [Fact]
    public async Task A_switch_that_cannot_be_audited_does_not_happen()
    {
        var previous = OrdinaryUser;
        await Acting.SwitchAsync(previous, ct: Ct);
        var next = Target(u => u.Role == "User" && u.Id != previous.Id);
        var failing = new Mock<IAuditTrail>();
        failing.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new AuditUnavailableException("disk full"));
        var acting = WithAudit(failing.Object);
        var tokenCalls = Sandbox.State.Requests.CountTokenCalls(next.Id);

        var switched = await acting.SwitchAsync(next, ct: Ct);

        Assert.False(switched);
        Assert.Equal(tokenCalls, Sandbox.State.Requests.CountTokenCalls(next.Id));
        Assert.Equal(previous.Id, Tokens.Current.User!.Id);
        Assert.Equal(previous.Id, Tokens.Current.Token!.UserId);
        Assert.Contains("disk full", LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_acting_identity_carries_the_staff_member_as_actor()
    {
        SignIn("dave", "Dave Support");
        var user = OrdinaryUser;
        await Acting.SwitchAsync(user, ct: Ct);

        var principal = (await Context.Services.GetRequiredService<ActingAuthenticationStateProvider>().GetAuthenticationStateAsync()).User;

        Assert.Equal(user.Id, principal.FindFirst("sub")!.Value);
        Assert.Contains("\"sub\":\"dave\"", principal.FindFirst("act")!.Value, StringComparison.Ordinal);
        Assert.Equal("Dave Support", ((System.Security.Claims.ClaimsIdentity)principal.Identity!).Actor!.Name);
    }

    private void SignIn(string id, string name, params string[] roles) =>
        Context.Services.GetRequiredService<StaffContext>().Current = new StaffMember(id, name, roles.ToHashSet(StringComparer.OrdinalIgnoreCase), IsLocal: false);

    private AIRiskUser Target(Func<AIRisk.Sandbox.Data.SandboxUser, bool> match)
    {
        var user = Sandbox.State.Data.Users.First(match);
        return new AIRiskUser(user.Id, user.DisplayName, user.Email, user.Role);
    }

    // The audit trail and the session store are one database: when it fails, both do.
    private AIRisk.Web.Acting.ActingSwitch WithAudit(IAuditTrail audit)
    {
        var sessions = new Mock<IActingSessionStore>();
        sessions.Setup(s => s.StartAsync(It.IsAny<ActingSessionRecord>(), It.IsAny<string>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Returns((ActingSessionRecord _, string _, AuditEntry entry, CancellationToken ct) => audit.RecordAsync(entry, ct));
        return ActivatorUtilities.CreateInstance<AIRisk.Web.Acting.ActingSwitch>(
            Context.Services, ActivatorUtilities.CreateInstance<AIRisk.Web.Acting.ActingAudit>(Context.Services, audit, sessions.Object));
    }
}
