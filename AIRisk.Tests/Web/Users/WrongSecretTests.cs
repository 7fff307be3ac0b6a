using AIRisk.Core.Configuration;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Components.Pages;
using Bunit;

namespace AIRisk.Tests.Web.Users;

/// <summary>A new operator copied the APIUser's secret wrong: the screen says which keys to check, never the secret.</summary>
public sealed class WrongSecretTests() : DashboardTestContext(settings: s => s[AIRiskKeys.ClientSecret] = WrongSecret)
{
    private const string WrongSecret = "not-the-apiusers-secret";

    [Fact]
    public void The_user_list_says_to_check_the_client_id_and_secret()
    {
        var page = Render<UsersPage>();

        page.WaitForAssertion(() =>
        {
            var error = page.Find("[data-testid=error-message]").TextContent;
            Assert.Contains("401", error, StringComparison.Ordinal);
            Assert.Contains("Check CLIENT_ID and CLIENT_SECRET", error, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(WrongSecret, page.Markup, StringComparison.Ordinal);
    }
}
