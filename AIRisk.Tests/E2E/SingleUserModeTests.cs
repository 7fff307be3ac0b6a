using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

[Collection(BrowserSuite.Name)]
public sealed class SingleUserModeTests(SingleUserAppFixture fixture) : BrowserTest(fixture), IClassFixture<SingleUserAppFixture>
{
    [Fact]
    public async Task With_a_configured_user_the_dashboard_opens_already_acting_as_them()
    {
        await Page.GotoAsync("/");

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", fixture.User.Id);
        await Expect(Banner).ToContainTextAsync(fixture.User.DisplayName);
    }

    [Fact]
    public async Task Reloading_resumes_the_single_user_session_instead_of_starting_a_new_one()
    {
        await Page.GotoAsync("/");
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", fixture.User.Id);
        var started = await CountAsync(",ActAs,Succeeded,");

        await Page.ReloadAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", fixture.User.Id);
        await Page.ReloadAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", fixture.User.Id);

        Assert.Equal(started, await CountAsync(",ActAs,Succeeded,"));
        Assert.True(await CountAsync(",Resumed,") >= 2);
    }

    private async Task<int> CountAsync(string record)
    {
        var response = await Page.APIRequest.GetAsync($"/audit/export.csv?target={fixture.User.Id}");
        var csv = await response.TextAsync();
        return csv.Split('\n').Count(line => line.Contains(record, StringComparison.Ordinal));
    }
}
