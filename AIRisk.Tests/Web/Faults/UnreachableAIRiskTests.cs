using AIRisk.Core.Configuration;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Components.Pages;
using Bunit;

namespace AIRisk.Tests.Web.Faults;

public sealed class UnreachableAIRiskTests() : DashboardTestContext(settings: s => s[AIRiskKeys.BaseUrl] = "http://127.0.0.1:9/")
{
    [Fact]
    public void The_users_page_says_AIRisk_cannot_be_reached()
    {
        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Contains("could not be reached", page.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Empty(page.FindAll("[data-testid=user-row]"));
    }

    [Fact]
    public async Task A_switch_fails_cleanly_and_nobody_is_active()
    {
        var switched = await Acting.SwitchAsync(Sandbox.User(1), ct: Ct);

        Assert.False(switched);
        Assert.False(Tokens.Current.IsActing);
        Assert.Contains("could not be reached", LastError, StringComparison.Ordinal);
    }
}
