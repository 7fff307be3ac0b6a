using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Acting;

public sealed class ClosedTabTests() : DashboardTestContext(settings: s => s[ConsolePolicyKeys.TabClosedGraceMinutes] = "0.01")
{
    private IActingSessionStore Sessions => Context.Services.GetRequiredService<IActingSessionStore>();

    [Fact]
    public async Task A_tab_gone_for_good_ends_its_session_on_record_after_the_grace_period()
    {
        var user = Sandbox.User(0);
        await Acting.SwitchAsync(user, ct: Ct);
        var session = SessionId!;

        await ClosedTab.EndForClosedTabAsync();

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(SessionEndCause.TabClosed, (await Sessions.FindAsync(session, Ct))!.EndCause);
        var end = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items[0];
        Assert.Equal((AuditAction.Stop, "tab closed", session), (end.Action, end.Detail, end.SessionId));
    }

    [Fact]
    public async Task A_reload_that_takes_the_session_up_within_the_grace_period_keeps_it_open()
    {
        await Acting.SwitchAsync(Sandbox.User(1), ct: Ct);
        var session = SessionId!;
        var closing = ClosedTab.EndForClosedTabAsync();
        // As a reload's resume does: ask until the closed tab's connection is marked gone.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (await Sessions.TryTakeLeaseAsync(session, "the reloaded tab's circuit", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(-15), Ct) != LeaseResult.Taken)
            await Task.Delay(20, wait.Token);
        await closing;

        Assert.False((await Sessions.FindAsync(session, Ct))!.HasEnded);
    }

    [Fact]
    public async Task A_session_another_node_took_up_is_not_ended_by_this_tabs_close_and_this_tab_can_no_longer_write_under_it()
    {
        var user = Sandbox.User(2);
        await Acting.SwitchAsync(user, ct: Ct);
        var session = SessionId!;
        // This tab's connection dropped (a pause); the proxy moved the browser to node 2, which took the session up.
        await Sessions.SetConnectedAsync(session, Tab.CircuitId, connected: false, DateTimeOffset.UtcNow, Ct);
        Assert.Equal(LeaseResult.Taken, await Sessions.TryTakeLeaseAsync(session, "node-2-circuit", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(-15), Ct));
        var requests = Sandbox.State.Requests.Snapshot().Count;

        // Node 1's old circuit closes for good: past the grace period, it must not end what node 2 now holds.
        await ClosedTab.EndForClosedTabAsync();
        var refusal = await Context.Services.GetRequiredService<WriteGuard>().RunAsync("a question", () => Task.CompletedTask, Ct);

        Assert.False((await Sessions.FindAsync(session, Ct))!.HasEnded);
        Assert.True(await Sessions.HoldsAsync(session, "node-2-circuit", Ct));
        Assert.Equal("Not sent: the acting session has ended.", refusal);
        Assert.Equal(requests, Sandbox.State.Requests.Snapshot().Count);
        Assert.False(Tokens.Current.IsActing);
    }
}
