using AIRisk.Tests.TestSupport;
using AIRisk.Web.Components.Shared;
using AIRisk.Web.Services.Audit;
using AIRisk.Web.Services.Policy;
using Bunit;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Web.Services;

public sealed class SessionLimitTests() : DashboardTestContext(
    settings: s =>
    {
        s[ConsolePolicyKeys.IdleMinutes] = "1";
        s[ConsolePolicyKeys.MaxSessionMinutes] = "3";
    },
    time: new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    [Fact]
    public async Task An_idle_acting_session_ends_by_itself_and_says_why()
    {
        var banner = Context.Render<ActingBanner>();
        var user = Sandbox.User(5);
        await Acting.ActAsAsync(user, Ct);

        Time!.Advance(TimeSpan.FromSeconds(61));

        banner.WaitForAssertion(() => Assert.Equal("", banner.Find("[data-testid=acting-as]").GetAttribute("data-user-id")));
        Assert.Contains("no activity for 1 min", Acting.LastError, StringComparison.Ordinal);
        var expiry = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items[0];
        Assert.Equal((AuditAction.Expire, user.Id), (expiry.Action, expiry.TargetUserId));
    }

    [Fact]
    public async Task Activity_keeps_a_session_alive_until_its_hard_cap()
    {
        var banner = Context.Render<ActingBanner>();
        await Acting.ActAsAsync(Sandbox.User(5), Ct);

        for (var i = 0; i < 4; i++)
        {
            Time!.Advance(TimeSpan.FromSeconds(40));
            Acting.Touch();
        }

        banner.WaitForAssertion(() => Assert.True(Tokens.Current.IsActing));
        Time!.Advance(TimeSpan.FromSeconds(40));
        banner.WaitForAssertion(() => Assert.False(Tokens.Current.IsActing));
        Assert.Contains("3-minute limit", Acting.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_banner_counts_the_session_down()
    {
        var banner = Context.Render<ActingBanner>();
        await Acting.ActAsAsync(Sandbox.User(5), Ct);

        Time!.Advance(TimeSpan.FromSeconds(15));

        banner.WaitForAssertion(() => Assert.Equal("session ends in 0:45 if idle", banner.Find("[data-testid=session-remaining]").TextContent));
    }
}
