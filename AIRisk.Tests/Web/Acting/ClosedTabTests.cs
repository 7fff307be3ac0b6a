using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
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
        await Acting.ActAsAsync(user, Ct);
        var session = Acting.SessionId!;

        await Acting.EndForClosedTabAsync();

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(SessionEndCause.TabClosed, (await Sessions.FindAsync(session, Ct))!.EndCause);
        var end = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items[0];
        Assert.Equal((AuditAction.Stop, "tab closed", session), (end.Action, end.Detail, end.SessionId));
    }

    [Fact]
    public async Task A_reload_that_takes_the_session_up_within_the_grace_period_keeps_it_open()
    {
        await Acting.ActAsAsync(Sandbox.User(1), Ct);
        var session = Acting.SessionId!;
        var leases = Context.Services.GetRequiredService<SessionLeases>();

        var closing = Acting.EndForClosedTabAsync();
        Assert.True(leases.TryTake(session, "the reloaded tab's circuit"));
        await closing;

        Assert.False((await Sessions.FindAsync(session, Ct))!.HasEnded);
    }
}
