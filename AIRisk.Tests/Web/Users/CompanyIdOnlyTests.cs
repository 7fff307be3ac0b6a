using AIRisk.Tests.TestSupport;
using AIRisk.Web.Components.Pages;
using Bunit;

namespace AIRisk.Tests.Web.Users;

/// <summary>Against a tenant whose ListUsers sends <c>companyId</c> without a company name.</summary>
public sealed class CompanyIdOnlyTests() : DashboardTestContext(sandbox: o => o.SendCompanyName = false)
{
    [Fact]
    public void The_company_column_shows_the_company_id_when_no_name_is_sent()
    {
        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=user-row]")));
        foreach (var row in page.FindAll("[data-testid=user-row]"))
        {
            var user = Sandbox.State.Data.FindUser(row.GetAttribute("data-user-id"))!;
            Assert.Equal(user.CompanyId, row.QuerySelectorAll("td")[3].TextContent.Trim());
        }
    }

    [Fact]
    public void A_rows_details_show_every_field_ListUsers_sent()
    {
        var target = Sandbox.State.Data.Users.First(u => u.UserName is not null && u.Email is not null);
        var details = UserDetails(target.Id);

        var fields = details.QuerySelectorAll("dt").Select(d => d.TextContent).ToList();
        Assert.Contains("userName", fields);
        Assert.Contains("email", fields);
        Assert.Contains("role", fields);
        Assert.Contains("companyId", fields);
        Assert.Contains("lastLogin", fields);
    }
}
