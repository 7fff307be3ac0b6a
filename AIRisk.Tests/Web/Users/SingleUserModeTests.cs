using AIRisk.Core.Configuration;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using AIRisk.Web.Components.Pages;
using Bunit;

namespace AIRisk.Tests.Web.Users;

public sealed class SingleUserModeTests : DashboardTestContext
{
    // Sorted by name, the last user is on the second page: the picker must open there.
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings[AIRiskKeys.UserId] = Sandbox.State.Data.Users.MaxBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)!.Id;

    [Fact]
    public async Task The_configured_user_is_active_from_the_start_and_shown_marked_in_the_picker()
    {
        var banner = Render<ActingBanner>();

        await SingleUser.StartAsync(Ct);
        var page = Render<UsersPage>();

        var expected = Users.ConfiguredUserId!;
        banner.WaitForAssertion(() => Assert.Equal(expected, banner.Find("[data-testid=acting-as]").GetAttribute("data-user-id")));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find($"[data-testid=user-row][data-user-id='{expected}']").GetAttribute("aria-current")));
    }
}
