using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

[Collection(BrowserSuite.Name)]
public sealed class UsersTableTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_users_table_lists_every_sandbox_user_across_its_pages()
    {
        await OpenDashboardAsync();
        await Expect(UserRows).ToHaveCountAsync(UserPicker.PageSize);
        var firstPage = await AttributeOfAllAsync(UserRows, "data-user-id");

        await Page.GetByTestId("users-pager").GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();

        await Expect(UserRows.First).Not.ToHaveAttributeAsync("data-user-id", firstPage[0]);
        await Expect(UserRows).ToHaveCountAsync(Sandbox.Data.Users.Count - UserPicker.PageSize);
        var secondPage = await AttributeOfAllAsync(UserRows, "data-user-id");
        Assert.Equal(Sandbox.Data.Users.Select(u => u.Id).Order(), firstPage.Concat(secondPage).Order());
        await Expect(Page.GetByTestId("user-count")).ToHaveTextAsync($"{Sandbox.Data.Users.Count} users");
    }

    [Fact]
    public async Task Searching_without_accents_finds_an_accented_name()
    {
        var zoe = Sandbox.Data.Users.Single(u => u.DisplayName == "Zoë Müller");
        await OpenDashboardAsync();

        await Page.GetByTestId("user-search").Locator("input").FillAsync("zoe");

        await Expect(UserRows).ToHaveCountAsync(1);
        await Expect(UserRows).ToHaveAttributeAsync("data-user-id", zoe.Id);
        await Expect(UserRows).ToContainTextAsync("Zoë Müller");
        await Expect(Page.GetByTestId("user-count")).ToHaveTextAsync($"1 of {Sandbox.Data.Users.Count} users");
    }
}
