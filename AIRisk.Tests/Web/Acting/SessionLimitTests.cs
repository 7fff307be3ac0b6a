using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Web.Acting;

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
        var banner = Render<ActingBanner>();
        WatchExpiry();
        var user = Sandbox.User(5);
        await Acting.SwitchAsync(user, ct: Ct);

        Time!.Advance(TimeSpan.FromSeconds(61));

        banner.WaitForAssertion(() => Assert.Equal("", banner.Find("[data-testid=acting-as]").GetAttribute("data-user-id")));
        Assert.Contains("no activity for 1 min", LastError, StringComparison.Ordinal);
        // Acting stops first (it lowers privilege); its record follows.
        await WaitUntilAsync(async () => (await Audit.QueryAsync(new AuditQuery(), Ct)).Items[0].Action == AuditAction.Expire);
        var expiry = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items[0];
        Assert.Equal((AuditAction.Expire, user.Id), (expiry.Action, expiry.TargetUserId));
    }

    [Fact]
    public async Task Activity_keeps_a_session_alive_until_its_hard_cap()
    {
        var banner = Render<ActingBanner>();
        WatchExpiry();
        await Acting.SwitchAsync(Sandbox.User(5), ct: Ct);

        for (var i = 0; i < 4; i++)
        {
            Time!.Advance(TimeSpan.FromSeconds(40));
            Clock.Touch();
        }

        banner.WaitForAssertion(() => Assert.True(Tokens.Current.IsActing));
        Time!.Advance(TimeSpan.FromSeconds(40));
        await KeepTickingUntilAsync(() => !Tokens.Current.IsActing);
        banner.WaitForAssertion(() => Assert.False(Tokens.Current.IsActing));
        Assert.Contains("3-minute limit", LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_on_time_with_nothing_on_screen()
    {
        WatchExpiry();
        await Acting.SwitchAsync(Sandbox.User(5), ct: Ct);

        Time!.Advance(TimeSpan.FromSeconds(61));

        await WaitUntilAsync(() => !Tokens.Current.IsActing);
        Assert.Contains("no activity for 1 min", LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_banner_tooltip_names_the_configured_limits()
    {
        var banner = Render<ActingBanner>();

        await Acting.SwitchAsync(Sandbox.User(5), ct: Ct);

        banner.WaitForAssertion(() => Assert.Equal(
            "The acting session ends after 1 min without activity, or 3 min after it began",
            banner.Find("[data-testid=session-remaining]").GetAttribute("title")));
    }

    [Fact]
    public async Task The_banner_counts_the_session_down()
    {
        var banner = Render<ActingBanner>();
        await Acting.SwitchAsync(Sandbox.User(5), ct: Ct);

        Time!.Advance(TimeSpan.FromSeconds(15));

        banner.WaitForAssertion(() => Assert.Equal("session ends in 0:45 if idle", banner.Find("[data-testid=session-remaining]").TextContent));
    }

    private void WatchExpiry() => Context.Services.GetRequiredService<SessionWatch>().Start();

    /// <summary>
    /// Moves the fake clock on a second at a time until <paramref name="done"/>, as a real clock keeps ticking: the watch
    /// skips a tick while its last check still runs (on a busy machine, the check of an earlier advance), and with a fake
    /// clock no later tick would come by itself.
    /// </summary>
    private async Task KeepTickingUntilAsync(Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!done())
        {
            await Task.Delay(50, timeout.Token);
            Time!.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // The expiry runs on the fake clock's timer thread; poll briefly for its outcome instead of sleeping blindly.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
            await Task.Delay(10, timeout.Token);
    }
}
