using AIRisk.Tests.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Acting;

public sealed class ActingSessionRecordTests() : DashboardTestContext
{
    private IActingSessionStore Sessions => Context.Services.GetRequiredService<IActingSessionStore>();

    [Fact]
    public async Task Act_switch_view_stop_and_act_again_leave_exactly_these_records_in_order()
    {
        // Not Company Admins: acting as one raises a sensitive-target alert, a record of its own (SensitiveTargetRuleTests).
        var (a, b, c) = (Sandbox.User(3), Sandbox.User(4), Sandbox.User(5));
        var workspace = Render<AIRisk.Web.Workspace.Components.ActingWorkspace>();

        await Acting.SwitchAsync(a, ct: Ct);
        var sessionA = SessionId;
        await Acting.SwitchAsync(b, ct: Ct);
        var sessionB = SessionId;
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=conversation-item]")), TimeSpan.FromSeconds(10));
        workspace.FindAll("[data-testid=conversation-item]")[0].Click();
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=chat-message]")), TimeSpan.FromSeconds(10));
        await workspace.InvokeAsync(() => Ender.EndAsync(SessionEndCause.Stopped));
        await Acting.SwitchAsync(c, ct: Ct);

        var trail = (await Audit.QueryAsync(new AuditQuery(Take: 100), Ct)).Items.Reverse()
            .Select(e => (e.Action, e.Outcome, e.TargetUserId, e.SessionId, e.Detail?.Split(' ')[0])).ToList();
        Assert.Equal(
            [
                (AuditAction.ActAs, AuditOutcome.Requested, a.Id, sessionA, "session"),
                (AuditAction.ActAs, AuditOutcome.Succeeded, a.Id, sessionA, null),
                (AuditAction.ActAs, AuditOutcome.Requested, b.Id, sessionB, "session"),
                (AuditAction.Stop, AuditOutcome.Succeeded, a.Id, sessionA, "switched"),
                (AuditAction.ActAs, AuditOutcome.Succeeded, b.Id, sessionB, null),
                (AuditAction.Viewed, AuditOutcome.Succeeded, b.Id, sessionB, "conversation"),
                (AuditAction.Stop, AuditOutcome.Succeeded, b.Id, sessionB, "stopped"),
                (AuditAction.ActAs, AuditOutcome.Requested, c.Id, SessionId, "session"),
                (AuditAction.ActAs, AuditOutcome.Succeeded, c.Id, SessionId, null),
            ],
            trail);
        Assert.Equal(SessionEndCause.Switched, (await Sessions.FindAsync(sessionA!, Ct))!.EndCause);
        Assert.Equal(SessionEndCause.Stopped, (await Sessions.FindAsync(sessionB!, Ct))!.EndCause);
        Assert.False((await Sessions.FindAsync(SessionId!, Ct))!.HasEnded);
    }

    [Fact]
    public async Task A_switch_overtaken_by_a_newer_click_is_recorded_as_superseded_never_as_succeeded()
    {
        var (first, second) = (Sandbox.User(3), Sandbox.User(4));
        // Every AIRisk call takes a while, so the second click always lands while the first switch is still running.
        Sandbox.State.Latency = TimeSpan.FromMilliseconds(200);

        var a = Acting.SwitchAsync(first, ct: Ct);
        var b = Acting.SwitchAsync(second, ct: Ct);
        await Task.WhenAll(a, b);

        var outcomes = (await Audit.QueryAsync(new AuditQuery(Target: first.Id), Ct)).Items.Select(e => e.Outcome).ToList();
        Assert.Contains(AuditOutcome.Superseded, outcomes);
        Assert.DoesNotContain(AuditOutcome.Succeeded, outcomes);
        Assert.Equal(second.Id, Tokens.Current.User?.Id);
    }

    [Fact]
    public async Task The_later_click_wins_even_when_the_earlier_clicks_start_record_is_written_last()
    {
        var (first, second) = (Sandbox.User(5), Sandbox.User(6));
        var slowForFirst = new SlowStart(Sessions, first.Id);
        var acting = ActivatorUtilities.CreateInstance<AIRisk.Web.Acting.ActingSwitch>(
            Context.Services, ActivatorUtilities.CreateInstance<AIRisk.Web.Acting.ActingAudit>(Context.Services, (IActingSessionStore)slowForFirst));

        var a = acting.SwitchAsync(first, ct: Ct);
        var b = acting.SwitchAsync(second, ct: Ct);

        Assert.True(await b);
        Assert.False(await a);
        Assert.Equal(second.Id, Tokens.Current.User?.Id);
        var outcomes = (await Audit.QueryAsync(new AuditQuery(Target: first.Id), Ct)).Items.Select(e => e.Outcome).ToList();
        Assert.Contains(AuditOutcome.Superseded, outcomes);
        Assert.DoesNotContain(AuditOutcome.Succeeded, outcomes);
    }

    [Fact]
    public async Task A_session_whose_user_AIRisk_refuses_to_sign_in_again_ends_as_token_refused()
    {
        var user = Sandbox.User(7);
        var workspace = Render<AIRisk.Web.Workspace.Components.ActingWorkspace>();
        await Acting.SwitchAsync(user, ct: Ct);
        var session = SessionId!;
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=agent-item]")), TimeSpan.FromSeconds(10));

        // The user's token stops working and AIRisk will not issue another: the renewal's token exchange is refused.
        Sandbox.State.RevokeAllTokens();
        Sandbox.State.Faults.FailNext("/api/oauth2/Token", 1, AIRisk.Sandbox.Faults.FaultKind.Problem, 400);
        await workspace.InvokeAsync(() => workspace.Find("[data-testid=agent-item] button").Click());

        workspace.WaitForAssertion(() => Assert.False(Tokens.Current.IsActing), TimeSpan.FromSeconds(10));
        Assert.Contains("AIRisk refused to sign in as them again", LastError, StringComparison.Ordinal);
        // Acting stops first (it lowers privilege); the session's end is written just after.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await Sessions.FindAsync(session, Ct))!.EndCause is null)
            await Task.Delay(20, wait.Token);
        Assert.Equal(SessionEndCause.TokenRefused, (await Sessions.FindAsync(session, Ct))!.EndCause);
    }

    /// <summary>The real store, with the start record of one user written only after a while.</summary>
    private sealed class SlowStart(IActingSessionStore inner, string slowUserId) : DelegatingActingSessionStore(inner)
    {
        public override async Task StartAsync(ActingSessionRecord session, string circuitId, AuditEntry started, CancellationToken ct)
        {
            if (session.Target.Id == slowUserId)
                await Task.Delay(500, ct);
            await base.StartAsync(session, circuitId, started, ct);
        }
    }
}
