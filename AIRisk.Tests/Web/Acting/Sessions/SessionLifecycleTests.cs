using System.Security.Claims;
using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AIRisk.Tests.Web.Acting.Sessions;

/// <summary>
/// The holes in a session's life that the seams between services used to hide, each through the path that closes it:
/// the real switch, store, watch, resume and sign-in provider over a real sandbox and audit database.
/// </summary>
public sealed class SessionLifecycleTests() : DashboardTestContext(settings: s => s[ConsolePolicyKeys.AdminRole] = "airisk-admins")
{
    private IActingSessionStore Sessions => Context.Services.GetRequiredService<IActingSessionStore>();

    private SessionWatch Watch => Context.Services.GetRequiredService<SessionWatch>();

    private AIRiskUser Ordinary => Listed(u => u.Role == "User");

    private AIRiskUser CompanyAdmin => Listed(u => u.Role == "Company Admin");

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.Replace(ServiceDescriptor.Scoped<ITabSessionStorage, MemoryTabStorage>());

    [Fact]
    public async Task A_reconnect_signed_in_as_another_staff_member_ends_the_session_in_the_first_ones_name_and_refuses_the_tab()
    {
        var provider = Context.Services.GetRequiredService<AuthenticationStateProvider>();
        var host = (IHostEnvironmentAuthenticationStateProvider)provider;
        host.SetAuthenticationState(SignedIn("staff-a", "Alex Desk", "sign-in-a"));
        await WaitUntilAsync(() => Staff.Current.Id == "staff-a");
        await Acting.SwitchAsync(Ordinary, ct: Ct);
        var session = SessionId!;

        // The same browser tab comes back over a new connection with another person's staff cookie (a shared desk).
        host.SetAuthenticationState(SignedIn("staff-b", "Blake Desk", "sign-in-b"));

        await WaitUntilAsync(() => !Tokens.Current.IsActing && ReferenceEquals(Staff.Current, StaffMember.Nobody));
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
        var ended = await Sessions.FindAsync(session, Ct);
        Assert.Equal(SessionEndCause.StaffChanged, ended!.EndCause);
        var end = (await Audit.QueryAsync(new AuditQuery { SessionId = session }, Ct)).Items[0];
        Assert.Equal((AuditAction.Stop, "staff-a", "Alex Desk"), (end.Action, end.StaffId, end.StaffName));
    }

    [Fact]
    public async Task A_resume_checks_the_target_as_AIRisk_lists_them_now_and_ends_a_session_whose_target_became_a_company_admin()
    {
        SignIn("sam", "Sam Support");
        var user = Ordinary;
        await Acting.SwitchAsync(user, ct: Ct);
        var session = await ReloadTabAsync();
        await ListAsync(user with { Role = "User", Roles = ["User", "Company Admin"] });

        var resumed = await Resume.ResumeAsync(Ct);

        Assert.Null(resumed);
        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(SessionEndCause.TargetNowProtected, (await Sessions.FindAsync(session, Ct))!.EndCause);
        Assert.Contains("Company Admin", LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resume_whose_target_is_no_longer_listed_fails_closed()
    {
        var user = Ordinary;
        await Acting.SwitchAsync(user, ct: Ct);
        var session = await ReloadTabAsync();
        await ListAsync((await Users.GetAsync(refresh: false, Ct)).Users.Where(u => u.Id != user.Id));

        var resumed = await Resume.ResumeAsync(Ct);

        Assert.Null(resumed);
        Assert.Equal(SessionEndCause.TargetNotFound, (await Sessions.FindAsync(session, Ct))!.EndCause);
    }

    [Fact]
    public async Task A_session_keeps_every_role_of_its_target_and_a_resume_after_the_staff_member_lost_the_admin_role_ends_it_as_staff_lost_role()
    {
        var twoRoles = Ordinary with { Role = "User", Roles = ["User", "Company Admin"] };
        SignIn("ada", "Ada Admin", "airisk-admins");
        await ListAsync(twoRoles);
        await Acting.SwitchAsync(twoRoles, ct: Ct);
        var session = await ReloadTabAsync();
        SignIn("ada", "Ada Admin");

        Assert.Equal(["User", "Company Admin"], (await Sessions.FindAsync(session, Ct))!.Target.Roles);
        Assert.Null(await Resume.ResumeAsync(Ct));
        Assert.Equal(SessionEndCause.StaffLostRole, (await Sessions.FindAsync(session, Ct))!.EndCause);
    }

    [Fact]
    public async Task Losing_the_admin_role_ends_a_company_admin_session_at_the_next_check()
    {
        SignIn("ada", "Ada Admin", "airisk-admins");
        await Acting.SwitchAsync(CompanyAdmin, ct: Ct);
        var session = SessionId!;

        // What revalidation does when the identity provider no longer lists the role.
        SignIn("ada", "Ada Admin");
        await Watch.CheckAsync();

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(SessionEndCause.StaffLostRole, (await Sessions.FindAsync(session, Ct))!.EndCause);
    }

    [Fact]
    public async Task A_target_who_becomes_a_company_admin_in_a_directory_refresh_is_no_longer_acted_as_after_the_next_check()
    {
        SignIn("sam", "Sam Support");
        var user = Ordinary;
        await Acting.SwitchAsync(user, ct: Ct);
        var session = SessionId!;

        await ListAsync(user with { Role = "Company Admin", Roles = ["Company Admin"] });
        await Watch.CheckAsync();

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(SessionEndCause.TargetNowProtected, (await Sessions.FindAsync(session, Ct))!.EndCause);
    }

    [Fact]
    public async Task A_session_ended_on_another_node_stops_here_at_the_next_heartbeat_and_is_never_resumed()
    {
        var user = Ordinary;
        await Acting.SwitchAsync(user, ct: Ct);
        var session = SessionId!;
        await Sessions.EndAsync(session, null, DateTimeOffset.UtcNow, SessionEndCause.Stopped, null, [], Ct);

        await Watch.CheckAsync();

        Assert.False(Tokens.Current.IsActing);
        Assert.Contains("ended elsewhere", LastError, StringComparison.Ordinal);
        await Context.Services.GetRequiredService<ITabSessionStorage>().SaveAsync(session);
        Assert.Null(await Resume.ResumeAsync(Ct));
        Assert.Equal(LeaseResult.Ended, await Sessions.TryTakeLeaseAsync(session, "any-circuit", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Ct));
    }

    [Fact]
    public async Task Sessions_no_node_has_seen_end_as_node_lost_once_however_many_nodes_sweep()
    {
        await Acting.SwitchAsync(Ordinary, ct: Ct);
        var session = SessionId!;
        // The node holding it stopped ten minutes ago: its last heartbeat is the last anyone saw of the tab.
        var lastSeen = DateTimeOffset.UtcNow.AddMinutes(-10);
        await Sessions.TouchAsync(session, Tab.CircuitId, lastSeen, lastSeen, Ct);
        var node1 = ActivatorUtilities.CreateInstance<StaleSessionSweeper>(Context.Services);
        var node2 = ActivatorUtilities.CreateInstance<StaleSessionSweeper>(Context.Services);

        var swept = await Task.WhenAll(node1.SweepAsync(Ct), node2.SweepAsync(Ct));

        Assert.Equal(1, swept.Sum());
        Assert.Equal(SessionEndCause.NodeLost, (await Sessions.FindAsync(session, Ct))!.EndCause);
        var records = (await Audit.QueryAsync(new AuditQuery { SessionId = session }, Ct)).Items;
        Assert.Single(records, r => r.Action == AuditAction.Stop && r.Detail!.StartsWith("node lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resume_is_recorded_before_its_token_is_requested()
    {
        var user = Ordinary;
        await Acting.SwitchAsync(user, ct: Ct);
        var token = Tokens.Current.Token!;
        await ReloadTabAsync();
        // Not in the shared cache any more: a resume that asked for a token would call AIRisk's token endpoint.
        await Context.Services.GetRequiredService<ITokenProvider>().InvalidateAsync(token, Ct);
        var noRecords = new RefusingRecords(Sessions);
        var resume = ActivatorUtilities.CreateInstance<SessionResume>(Context.Services, noRecords,
            ActivatorUtilities.CreateInstance<ActingAudit>(Context.Services, (IActingSessionStore)noRecords));
        var tokenCalls = Sandbox.State.Requests.CountTokenCalls(user.Id);

        var resumed = await resume.ResumeAsync(Ct);

        Assert.Null(resumed);
        Assert.Equal(tokenCalls, Sandbox.State.Requests.CountTokenCalls(user.Id));
        Assert.Contains("Could not resume", LastError, StringComparison.Ordinal);
        // The token really was no longer cached: the same resume, recorded this time, asks AIRisk for one.
        Assert.Equal(user.Id, (await Resume.ResumeAsync(Ct))?.Id);
        Assert.Equal(tokenCalls + 1, Sandbox.State.Requests.CountTokenCalls(user.Id));
    }

    private StaffContext Staff => Context.Services.GetRequiredService<StaffContext>();

    private void SignIn(string id, string name, params string[] roles) =>
        Staff.Current = new StaffMember(id, name, roles.ToHashSet(StringComparer.OrdinalIgnoreCase), IsLocal: false);

    private static Task<AuthenticationState> SignedIn(string id, string name, string signIn) => Task.FromResult(new AuthenticationState(new ClaimsPrincipal(
        new ClaimsIdentity([new("sub", id), new("name", name), new(StaffSignIns.IdClaim, signIn)], "Cookies"))));

    /// <summary>The tab reloads: the page's circuit is new (nothing in force), the tab's storage still names the session.</summary>
    private async Task<string> ReloadTabAsync()
    {
        var session = SessionId!;
        await Tokens.ClearAsync();
        Tab.Id = null;
        Context.Services.GetRequiredService<ActingSessionClock>().Stop();
        return session;
    }

    /// <summary>AIRisk's user list as it is now, with <paramref name="changed"/> in place of the user with its id.</summary>
    private async Task ListAsync(AIRiskUser changed)
    {
        var users = (await Users.GetAsync(refresh: false, Ct)).Users.Where(u => u.Id != changed.Id).Append(changed).ToList();
        await Context.Services.GetRequiredService<UserDirectory>().GetAsync(_ => Task.FromResult<IReadOnlyList<AIRiskUser>>(users), refresh: true, Ct);
    }

    private Task<UserDirectorySnapshot> ListAsync(IEnumerable<AIRiskUser> users) =>
        Context.Services.GetRequiredService<UserDirectory>().GetAsync(_ => Task.FromResult<IReadOnlyList<AIRiskUser>>([.. users]), refresh: true, Ct);

    private AIRiskUser Listed(Func<AIRisk.Sandbox.Data.SandboxUser, bool> match)
    {
        var user = Sandbox.State.Data.Users.First(match);
        return new AIRiskUser(user.Id, user.DisplayName, user.Email, user.Role);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
            await Task.Delay(20, timeout.Token);
    }

    /// <summary>The real store, except that no record can be written under a session (the audit database refuses).</summary>
    private sealed class RefusingRecords(IActingSessionStore inner) : DelegatingActingSessionStore(inner)
    {
        public override Task RecordAsync(string id, string circuitId, AuditEntry entry, CancellationToken ct) =>
            Task.FromException(new AuditUnavailableException("The audit database is full.", new IOException("disk full")));
    }
}
