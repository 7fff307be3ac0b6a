using AIRisk.Core.Configuration;
using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using Bunit;

namespace AIRisk.Tests.Web.Users;

public sealed class UserDirectoryStallTests() : DashboardTestContext(settings: s => s[AIRiskKeys.TimeoutSeconds] = "1")
{
    [Fact]
    public void A_user_list_that_stalls_after_its_headers_fails_with_a_message_and_Refresh_loads_it()
    {
        Sandbox.State.Faults.FailNext("/api/Users/ListUsers", 1, FaultKind.StallBody, 200);

        var table = Render<UserPicker>();

        table.WaitForAssertion(() => Assert.Contains("did not send the whole list", table.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        table.Find("[data-testid=refresh-users]").Click();
        table.WaitForAssertion(() => Assert.NotEmpty(table.FindAll("[data-testid=user-row]")), TimeSpan.FromSeconds(10));
    }
}
