using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Components.Pages;
using Bunit;

namespace AIRisk.Tests.Web.Components.Pages;

public sealed class UsersPageTests() : DashboardTestContext
{
    [Fact]
    public void Lists_users_with_a_count()
    {
        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=user-row]").Count));
        Assert.Equal($"{Sandbox.State.Data.Users.Count} users", page.Find("[data-testid=user-count]").TextContent.Trim());
    }

    [Fact]
    public void Search_ignores_accents_and_case()
    {
        var page = Render<UsersPage>();

        var row = page.SearchForOneRow("ZOE");

        Assert.Equal("Zoë Müller", row.QuerySelector("[data-testid=user-name]")!.TextContent);
    }

    [Fact]
    public void Search_finds_a_user_by_id()
    {
        var target = Sandbox.State.Data.Users[17];
        var page = Render<UsersPage>();

        var row = page.SearchForOneRow(target.Id[..13]);

        Assert.Equal(target.Id, row.GetAttribute("data-user-id"));
    }

    [Fact]
    public void Sorting_by_name_twice_reverses_the_order()
    {
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=user-row]")));
        var ascending = page.FindAll("[data-testid=user-name]").Select(n => n.TextContent).ToList();

        page.Find("[data-testid=sort-name]").Click();

        page.WaitForAssertion(() =>
        {
            var descending = page.FindAll("[data-testid=user-name]").Select(n => n.TextContent).ToList();
            Assert.Equal(ascending.Order(StringComparer.CurrentCultureIgnoreCase).ToList(), ascending);
            Assert.Equal(descending.OrderDescending(StringComparer.CurrentCultureIgnoreCase).ToList(), descending);
            Assert.NotEqual(ascending[0], descending[0]);
        });
    }

    [Fact]
    public void A_search_with_no_match_says_so()
    {
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=user-row]")));

        page.Find("[data-testid=user-search] input").Input("no-such-person-xyz");

        page.WaitForAssertion(() => Assert.Contains("No users match", page.Find("[data-testid=users-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_that_looks_like_HTML_is_shown_as_text()
    {
        var page = Render<UsersPage>();

        var name = page.SearchForOneRow("bold").QuerySelector("[data-testid=user-name]")!;

        Assert.Equal("<b>Bold</b> Tester", name.TextContent);
        Assert.Empty(name.QuerySelectorAll("b"));
    }

    [Fact]
    public void A_failed_load_shows_the_error_and_retry_recovers()
    {
        Sandbox.State.Faults.FailNext("/api/Users/ListUsers", 3, FaultKind.Status, 503);
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("503", page.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        page.Find("[data-testid=refresh-users]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=user-row]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=error-message]"));
    }

    [Fact]
    public void A_rows_details_list_exactly_the_fields_ListUsers_sent_with_their_values()
    {
        var target = Sandbox.State.Data.Users.First(u => u.Naming == UserNaming.DisplayName);
        var details = UserDetails(target.Id);

        var shown = details.QuerySelectorAll("dt").Zip(details.QuerySelectorAll("dd"), (dt, dd) => (dt.TextContent, dd.TextContent)).ToDictionary();
        string[] sent = ["id", "userName", "email", "firstName", "lastName", "displayName", "role", "companyId", "company", "lastLogin"];
        Assert.Equal(sent.Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(target.UserName, shown["userName"]);
        Assert.Equal(target.FirstName, shown["firstName"]);
        Assert.Equal(target.LastName, shown["lastName"]);
        Assert.Equal(target.DisplayName, shown["displayName"]);
        Assert.Equal(target.Email, shown["email"]);
        Assert.Equal(target.Role, shown["role"]);
    }

    [Fact]
    public void A_rows_details_show_the_fields_this_dashboard_does_not_map()
    {
        var target = Sandbox.State.Data.Users[0];
        var details = UserDetails(target.Id).TextContent;

        Assert.Contains("lastLogin", details, StringComparison.Ordinal);
        Assert.Contains(target.CompanyId, details, StringComparison.Ordinal);
    }
}
