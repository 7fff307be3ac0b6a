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
        Sandbox.State.Latency = TimeSpan.Zero;
        var user = Sandbox.User(2);
        var banner = Render<ActingBanner>();
        var shownProgress = false;
        banner.OnMarkupUpdated += (_, _) => shownProgress |= banner.Markup.Contains("switching-to", StringComparison.Ordinal);

        Assert.True(await Acting.SwitchAsync(user, ct: Ct));

        banner.WaitForAssertion(() => Assert.Equal(user.Id, banner.Find("[data-testid=acting-as]").GetAttribute("data-user-id")));
        Assert.False(shownProgress);
    }
}
