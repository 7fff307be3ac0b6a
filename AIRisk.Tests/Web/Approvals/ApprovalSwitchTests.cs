using AIRisk.Core.Api;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Alerts;
using AIRisk.Web.Approvals;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace AIRisk.Tests.Web.Approvals;

/// <summary>
/// The switch waiting for a second person, against the real sandbox and audit trail: it goes on when an approver in
/// another circuit approves, says no with the note when one denies, and break-glass lets it go on with an alert.
/// </summary>
public sealed class ApprovalSwitchTests() : DashboardTestContext(settings: s =>
{
    s[ConsolePolicyKeys.AdminRole] = "airisk-admins";
    s[ApprovalKeys.ApproverRole] = Approvers;
    s[ApprovalKeys.BreakGlassMinutes] = "0.02";
})
{
    private const string Approvers = "airisk-approvers";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string BreakGlassReason = "Customer's payroll is down and no approver answers";

    private bool _ticketRequired;

    private ApprovalGate Gate => Context.Services.GetRequiredService<ApprovalGate>();

    private IActingSessionStore Sessions => Context.Services.GetRequiredService<IActingSessionStore>();

    // The sandbox's Zendesk, over HTTP.
    protected override void Configure(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in Sandbox.TicketSettings("zendesk"))
            settings[key] = value;
    }

    protected override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Replace(ServiceDescriptor.Scoped<ITabSessionStorage, MemoryTabStorage>());
        services.AddAIRiskTickets(configuration);
        services.Configure<TicketOptions>(o => o.Required = _ticketRequired);
    }

    private AIRiskUser CompanyAdmin
    {
        get
        {
            var user = Sandbox.State.Data.Users.First(u => u.Role == "Company Admin");
            return new AIRiskUser(user.Id, user.DisplayName, user.Email, user.Role);
        }
    }

    [Fact]
    public async Task A_protected_target_waits_for_an_approver_in_another_circuit_and_then_acts()
    {
        SignIn("staff-a", "Ann Asker");
        var admin = CompanyAdmin;

        var switching = Acting.SwitchAsync(admin, ct: Ct);
        var request = await WaitingAsync();
        Assert.False(Tokens.Current.IsActing);
        var (decision, _) = await DecideAsync("staff-b", "Ben Approver", request, approve: true, note: "ticket checked", Approvers);

        Assert.Equal(ApprovalDecision.Decided, decision);
        Assert.True(await switching.WaitAsync(Patience, Ct));
        Assert.Equal(admin.Id, Tokens.Current.User?.Id);
        var actions = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items.Select(e => (e.Action, e.Outcome)).ToList();
        Assert.Contains((AuditAction.ApprovalRequested, AuditOutcome.Requested), actions);
        Assert.Contains((AuditAction.ApprovalDecided, AuditOutcome.Succeeded), actions);
        Assert.Contains((AuditAction.ActAs, AuditOutcome.Succeeded), actions);
    }

    [Fact]
    public async Task An_approved_session_as_a_protected_target_is_not_ended_by_the_per_second_check_while_the_approval_holds()
    {
        SignIn("staff-a", "Ann Asker");
        var admin = CompanyAdmin;
        var switching = Acting.SwitchAsync(admin, ct: Ct);
        await DecideAsync("staff-b", "Ben Approver", await WaitingAsync(), approve: true, note: null, Approvers);
        Assert.True(await switching.WaitAsync(Patience, Ct));

        await Context.Services.GetRequiredService<SessionWatch>().CheckAsync();

        Assert.Equal(admin.Id, Tokens.Current.User?.Id);
        Assert.Null(LastError);
    }

    [Fact]
    public async Task A_denial_stops_the_switch_and_tells_the_requester_the_approvers_note()
    {
        SignIn("staff-a", "Ann Asker");

        var switching = Acting.SwitchAsync(CompanyAdmin, ct: Ct);
        var request = await WaitingAsync();
        await DecideAsync("staff-b", "Ben Approver", request, approve: false, note: "use the customer's own admin", Approvers);

        Assert.False(await switching.WaitAsync(Patience, Ct));
        Assert.False(Tokens.Current.IsActing);
        Assert.Contains("Ben Approver denied the request: use the customer's own admin", LastError, StringComparison.Ordinal);
        Assert.Null(Gate.Waiting);
    }

    [Fact]
    public async Task The_requester_holding_the_approver_role_too_cannot_approve_their_own_request()
    {
        SignIn("staff-a", "Ann Asker", Approvers);
        var switching = Acting.SwitchAsync(CompanyAdmin, ct: Ct);
        var request = await WaitingAsync();

        var (decision, message) = await DecideAsync("staff-a", "Ann Asker", request, approve: true, note: null, Approvers);

        Assert.Equal(ApprovalDecision.OwnRequest, decision);
        Assert.Contains("Nobody approves their own request", message, StringComparison.Ordinal);
        await Gate.WithdrawAsync();
        Assert.False(await switching.WaitAsync(Patience, Ct));
    }

    [Fact]
    public async Task An_approver_who_lost_the_role_cannot_decide_and_the_request_stays_open_for_the_others()
    {
        SignIn("staff-a", "Ann Asker");
        var switching = Acting.SwitchAsync(CompanyAdmin, ct: Ct);
        var request = await WaitingAsync();

        var (lost, _) = await DecideAsync("staff-b", "Ben Approver", request, approve: true, note: null);
        var stillOpen = (await Store.GetAsync(request.Id, Ct))!.Status;
        var (other, _) = await DecideAsync("staff-c", "Cat Approver", request, approve: true, note: null, Approvers);

        Assert.Equal(ApprovalDecision.NotAllowed, lost);
        Assert.Equal(ApprovalStatus.Open, stillOpen);
        Assert.Equal(ApprovalDecision.Decided, other);
        Assert.True(await switching.WaitAsync(Patience, Ct));
    }

    [Fact]
    public async Task Break_glass_needs_a_reason_of_twenty_characters_then_acts_and_raises_an_alert_naming_the_session()
    {
        SignIn("staff-a", "Ann Asker");
        var admin = CompanyAdmin;
        var switching = Acting.SwitchAsync(admin, ct: Ct);
        await WaitingAsync();
        await WaitUntilAsync(() => Gate.Waiting is { BreakGlassOpen: true });

        var tooShort = await Gate.BreakGlassAsync("outage, sorry");
        var done = await Gate.BreakGlassAsync("Customer's payroll is down and no approver answers");

        Assert.Contains("at least 20 characters", tooShort, StringComparison.Ordinal);
        Assert.Null(done);
        Assert.True(await switching.WaitAsync(Patience, Ct));
        var entries = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items;
        var alert = entries.Select(AlertRecord.FromEntry).OfType<Alert>().Single(a => a.Rule == AlertRules.BreakGlass);
        Assert.Contains(SessionId, alert.Sessions);
        Assert.Contains("Review this session within 24 hours", alert.Summary, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Action == AuditAction.BreakGlass && e.SessionId == SessionId);
    }

    [Fact]
    public async Task A_reload_of_a_tab_acting_under_break_glass_resumes_its_session()
    {
        SignIn("staff-a", "Ann Asker");
        var admin = CompanyAdmin;
        var switching = Acting.SwitchAsync(admin, ct: Ct);
        await WaitingAsync();
        await WaitUntilAsync(() => Gate.Waiting is { BreakGlassOpen: true });
        Assert.Null(await Gate.BreakGlassAsync(BreakGlassReason));
        Assert.True(await switching.WaitAsync(Patience, Ct));
        var session = await ReloadTabAsync();

        var resumed = await Resume.ResumeAsync(Ct);

        Assert.Equal(admin.Id, resumed?.Id);
        Assert.Equal(session, SessionId);
        Assert.Null(LastError);
        Assert.False((await Sessions.FindAsync(session, Ct))!.HasEnded);
    }

    [Fact]
    public async Task A_break_glass_whose_session_could_not_start_raises_no_alert_naming_a_session_that_never_was()
    {
        SignIn("staff-a", "Ann Asker");
        var noStarts = new RefusingStarts(Sessions);
        var acting = ActivatorUtilities.CreateInstance<ActingSwitch>(Context.Services, ActivatorUtilities.CreateInstance<ActingAudit>(Context.Services, (IActingSessionStore)noStarts));
        var switching = acting.SwitchAsync(CompanyAdmin, ct: Ct);
        await WaitingAsync();
        await WaitUntilAsync(() => Gate.Waiting is { BreakGlassOpen: true });

        Assert.Null(await Gate.BreakGlassAsync(BreakGlassReason));

        Assert.False(await switching.WaitAsync(Patience, Ct));
        var entries = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items;
        Assert.Contains(entries, e => e.Action == AuditAction.BreakGlass);
        Assert.DoesNotContain(entries.Select(AlertRecord.FromEntry).OfType<Alert>(), a => a.Rule == AlertRules.BreakGlass);
    }

    [Fact]
    public async Task A_request_for_want_of_a_ticket_tells_the_approver_what_was_wrong_with_the_last_ticket_given()
    {
        _ticketRequired = true;
        Context.Services.GetRequiredService<StaffContext>().Current = new StaffMember("staff-a", "Ann Asker", new HashSet<string>(), IsLocal: false) { Email = "ann@example.com" };
        var user = Sandbox.State.Data.Users.First(u => u.Role == "User" && u.Email is not null);
        var ticket = Sandbox.State.Tickets.Create("someone.else@example.com", "ann@example.com", "open").Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Prompts.SetupSequence(p => p.AskGroundsAsync(It.IsAny<GroundsQuestion>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ActAsGrounds(ticket, "customer cannot see agents"))
            .ReturnsAsync(new ActAsGrounds(null, "customer cannot see agents"));

        var switching = Acting.SwitchAsync(new AIRiskUser(user.Id, user.DisplayName, user.Email, user.Role), ct: Ct);
        var request = await WaitingAsync();

        Assert.Equal($"no fitting ticket: ticket {ticket} was not raised by this user", request.Why);
        await Gate.WithdrawAsync();
        Assert.False(await switching.WaitAsync(Patience, Ct));
    }

    /// <summary>The tab reloads: the page's circuit is new (nothing in force), the tab's storage still names the session.</summary>
    private async Task<string> ReloadTabAsync()
    {
        var session = SessionId!;
        await Tokens.ClearAsync();
        Tab.Id = null;
        Clock.Stop();
        return session;
    }

    private IApprovalStore Store => Context.Services.GetRequiredService<IApprovalStore>();

    private void SignIn(string id, string name, params string[] roles) =>
        Context.Services.GetRequiredService<StaffContext>().Current = new StaffMember(id, name, roles.ToHashSet(StringComparer.OrdinalIgnoreCase), IsLocal: false);

    /// <summary>Decides as another staff member in a circuit of their own.</summary>
    private async Task<(ApprovalDecision, string)> DecideAsync(string id, string name, ApprovalRequest request, bool approve, string? note, params string[] roles)
    {
        await using var circuit = Context.Services.CreateAsyncScope();
        circuit.ServiceProvider.GetRequiredService<StaffContext>().Current = new StaffMember(id, name, roles.ToHashSet(StringComparer.OrdinalIgnoreCase), IsLocal: false);
        return await circuit.ServiceProvider.GetRequiredService<ApprovalDesk>().DecideAsync(request, approve, note, Ct);
    }

    private async Task<ApprovalRequest> WaitingAsync()
    {
        await WaitUntilAsync(() => Gate.Waiting is not null);
        return Gate.Waiting!.Request;
    }

    // The switch runs on its own: its wait is a state of the gate, not of any render to wait for.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting.");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>The real store, except that no session can start (the audit database refuses).</summary>
    private sealed class RefusingStarts(IActingSessionStore inner) : DelegatingActingSessionStore(inner)
    {
        public override Task StartAsync(ActingSessionRecord session, string circuitId, AuditEntry started, CancellationToken ct) =>
            Task.FromException(new AuditUnavailableException("The audit database is full.", new IOException("disk full")));
    }
}
