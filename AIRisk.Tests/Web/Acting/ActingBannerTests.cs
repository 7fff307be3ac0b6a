using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using Bunit;

namespace AIRisk.Tests.Web.Acting;

public sealed class ActingBannerTests() : DashboardTestContext(sandbox: o => o.Latency = TimeSpan.FromMilliseconds(100))
{
    [Fact]
    public void Acting_as_nobody_shows_an_empty_user_id()
    {
        var banner = Render<ActingBanner>();

        Assert.Equal("", banner.Find("[data-testid=acting-as]").GetAttribute("data-user-id"));
        Assert.Contains("Not acting as anyone", banner.Markup, StringComparison.Ordinal);
        Assert.Empty(banner.FindAll("[data-testid=stop-acting]"));
    }

    [Fact]
    public async Task Shows_progress_while_switching_and_then_the_user_with_the_time_left()
    {
        var user = Sandbox.User(2);
        var banner = Render<ActingBanner>();

        var switching = Acting.SwitchAsync(user, ct: Ct);
        banner.WaitForAssertion(() => Assert.Contains(user.DisplayName, banner.Find("[data-testid=switching-to]").TextContent, StringComparison.Ordinal));
        await switching;

        banner.WaitForAssertion(() =>
        {
            var element = banner.Find("[data-testid=acting-as]");
            Assert.Equal(user.Id, element.GetAttribute("data-user-id"));
            Assert.Contains(user.DisplayName, element.TextContent, StringComparison.Ordinal);
            Assert.Contains(user.Id, element.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("token valid", banner.Find("[data-testid=token-remaining]").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Stop_acting_clears_the_banner()
    {
        await Acting.SwitchAsync(Sandbox.User(2), ct: Ct);
        var banner = Render<ActingBanner>();

        banner.Find("[data-testid=stop-acting]").Click();

        banner.WaitForAssertion(() => Assert.Equal("", banner.Find("[data-testid=acting-as]").GetAttribute("data-user-id")));
        Assert.False(Tokens.Current.IsActing);
    }
}
