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
}
