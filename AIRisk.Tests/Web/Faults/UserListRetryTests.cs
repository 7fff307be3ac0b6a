using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Components.Pages;
using Bunit;

namespace AIRisk.Tests.Web.Faults;

public sealed class UserListRetryTests : DashboardTestContext
{
    [Fact]
    public void After_AIRisk_dropped_the_user_list_the_retry_button_loads_it()
    {
        // Every attempt of the first load (the client retries twice) is dropped without an answer.
        Sandbox.State.Faults.FailNext("/api/Users/ListUsers", 3, FaultKind.Drop);
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("could not be reached", page.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Empty(page.FindAll("[data-testid=user-row]"));

        page.Find("[data-testid=refresh-users]").Click();

        page.WaitForAssertion(() => Assert.Equal(Math.Min(25, Sandbox.State.Data.Users.Count), page.FindAll("[data-testid=user-row]").Count), TimeSpan.FromSeconds(15));
        Assert.Empty(page.FindAll("[data-testid=error-message]"));
    }
}
