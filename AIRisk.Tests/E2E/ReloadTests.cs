using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

/// <summary>An acting session outlives a reload of its tab, and only of its tab.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ReloadTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_reload_resumes_acting_with_no_new_token_and_records_it()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(user);
        var tokenCalls = Sandbox.Requests.CountTokenCalls(user.Id);

        await Page.ReloadAsync();

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await Expect(AgentItems.First).ToBeVisibleAsync();
        await Expect(Page.GetByText($"Resumed acting as {user.DisplayName}.")).ToBeVisibleAsync();
        Assert.Equal(tokenCalls, Sandbox.Requests.CountTokenCalls(user.Id));
        var trail = await AuditCsvAsync(user.Id);
        Assert.Contains(",Resumed,", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tab_does_not_act_and_a_stopped_session_does_not_come_back()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(user);

        var other = await Context.NewPageAsync();
        await other.GotoAsync("/");
        await Expect(other.GetByTestId("user-row").First).ToBeAttachedAsync();
        await Expect(other.GetByTestId("acting-as")).ToHaveAttributeAsync("data-user-id", "");

        await Page.GetByTestId("stop-acting").ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");
        await Page.ReloadAsync();
        await Expect(UserRows.First).ToBeVisibleAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");
        Assert.Contains(",Stop,", await AuditCsvAsync(user.Id), StringComparison.Ordinal);
    }

    private async Task<string> AuditCsvAsync(string userId)
    {
        var response = await Page.APIRequest.GetAsync($"/audit/export.csv?target={userId}");
        return await response.TextAsync();
    }
}
