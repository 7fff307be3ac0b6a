using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using Bunit;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Web.Acting;

/// <summary>The sandbox and the dashboard share the test's clock: AIRisk answers only when the test moves it on.</summary>
public sealed class SwitchProgressTests() : DashboardTestContext(sandbox: o => o.Latency = TimeSpan.FromSeconds(1), time: new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    [Fact]
    public async Task A_switch_that_takes_long_shows_its_progress_once_it_has_taken_120_ms()
    {
        var user = Sandbox.User(2);
        var banner = Render<ActingBanner>();

        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var switching = Acting.SwitchAsync(user, ct: abandon.Token);
        banner.WaitForAssertion(() => Assert.NotNull(Tokens.SwitchingTo));
        Time!.Advance(ActingSessionCascade.ShowSwitchingAfter - TimeSpan.FromMilliseconds(1));
        Assert.Empty(banner.FindAll("[data-testid=switching-to]"));
        Time.Advance(TimeSpan.FromMilliseconds(1));

        banner.WaitForAssertion(() => Assert.Contains(user.DisplayName, banner.Find("[data-testid=switching-to]").TextContent, StringComparison.Ordinal));
        Assert.False(switching.IsCompleted);
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => switching);
    }

    [Fact]
    public async Task A_switch_that_is_over_sooner_never_flashes_its_progress()
    {
        var (quick, slow) = (Sandbox.User(2), Sandbox.User(3));
        var banner = Render<ActingBanner>();
        var shownProgress = false;
        banner.OnMarkupUpdated += (_, _) => shownProgress |= banner.FindAll("[data-testid=switching-to]").Count > 0;
        Sandbox.State.Latency = TimeSpan.Zero;

        Assert.True(await Acting.SwitchAsync(quick, ct: Ct));
        banner.WaitForAssertion(() => Assert.Equal(quick.Id, banner.Find("[data-testid=acting-as]").GetAttribute("data-user-id")));
        Time!.Advance(ActingSessionCascade.ShowSwitchingAfter + TimeSpan.FromMilliseconds(1));
        var shownForTheQuickOne = shownProgress;

        // The same watch sees a switch still running at 120 ms show its progress: the quick one showed none because it
        // was over sooner, not because nothing could be seen.
        Sandbox.State.Latency = TimeSpan.FromSeconds(1);
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var switching = Acting.SwitchAsync(slow, ct: abandon.Token);
        banner.WaitForAssertion(() => Assert.NotNull(Tokens.SwitchingTo));
        Time.Advance(ActingSessionCascade.ShowSwitchingAfter);
        banner.WaitForAssertion(() => Assert.True(shownProgress));
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => switching);

        Assert.False(shownForTheQuickOne);
    }
}
