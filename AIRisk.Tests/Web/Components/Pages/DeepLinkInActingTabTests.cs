using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AIRisk.Tests.Web.Components.Pages;

/// <summary>
/// A deep link opened in a tab that is already acting (staff paste a colleague's link into their current tab, or reload
/// one): the tab takes its own session up first, and asks only if the link names someone else.
/// </summary>
public sealed class DeepLinkInActingTabTests : DashboardTestContext
{
    protected override bool TabStarted => false;

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.Replace(ServiceDescriptor.Scoped<ITabSessionStorage, MemoryTabStorage>());

    [Fact]
    public async Task A_link_to_the_user_the_tab_resumes_shows_no_confirmation_at_any_moment()
    {
        var user = Sandbox.User(3);
        await ActThenReloadAsync(user);
        var page = Render<ConsolePage>(p => p.Add(c => c.UserId, user.Id));
        var shown = page.FindAll("[data-testid=confirm-act]").Count > 0;
        page.OnMarkupUpdated += (_, _) => shown |= page.FindAll("[data-testid=confirm-act]").Count > 0;

        await page.InvokeAsync(async () =>
        {
            await Resume.ResumeAsync(Ct);
            await Status.MarkStartedAsync();
        });

        page.WaitForAssertion(() => Assert.Equal(user.Id, Tokens.Current.User?.Id));
        Assert.Empty(page.FindAll("[data-testid=confirm-act]"));
        Assert.False(shown);
    }

    [Fact]
    public async Task A_link_to_another_user_asks_once_the_tab_has_resumed_its_own_session()
    {
        var (own, linked) = (Sandbox.User(3), Sandbox.User(4));
        await ActThenReloadAsync(own);
        var page = Render<ConsolePage>(p => p.Add(c => c.UserId, linked.Id));

        await page.InvokeAsync(async () =>
        {
            await Resume.ResumeAsync(Ct);
            await Status.MarkStartedAsync();
        });

        page.WaitForAssertion(() => Assert.Contains($"Act as {linked.DisplayName}", page.Find("[data-testid=confirm-act]").TextContent, StringComparison.Ordinal));
        Assert.Equal(own.Id, Tokens.Current.User?.Id);
    }

    /// <summary>The tab acted as <paramref name="user"/>, then reloaded: nothing in force, its storage names the session.</summary>
    private async Task ActThenReloadAsync(AIRisk.Core.Api.AIRiskUser user)
    {
        await Acting.SwitchAsync(user, ct: Ct);
        await Tokens.ClearAsync();
        Tab.Id = null;
    }
}
