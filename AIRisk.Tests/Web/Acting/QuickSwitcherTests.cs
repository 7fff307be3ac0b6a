using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace AIRisk.Tests.Web.Acting;

public sealed class QuickSwitcherTests() : DashboardTestContext
{
    [Fact]
    public void Typing_zoe_offers_Zoë_and_Enter_acts_as_her()
    {
        var zoe = Sandbox.State.Data.Users.Single(u => u.DisplayName == "Zoë Müller");
        var switcher = Render<QuickSwitcher>();
        var input = switcher.Find("input[data-testid=quick-switch]");

        input.Input("zoe");
        Popovers.WaitForAssertion(() => Assert.Equal([zoe.Id], Popovers.FindAll("[data-testid=quick-switch-option]").Select(o => o.GetAttribute("data-user-id"))));
        PressEnter(switcher);

        switcher.WaitForAssertion(() => Assert.Equal(zoe.Id, Tokens.Current.User?.Id), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_search_nobody_matches_says_so()
    {
        var switcher = Render<QuickSwitcher>();

        switcher.Find("input[data-testid=quick-switch]").Input("qqqzzz");

        Popovers.WaitForAssertion(() => Assert.Contains("No user matches “qqqzzz”", Popovers.Markup, StringComparison.Ordinal));
        Assert.False(Tokens.Current.IsActing);
    }

    // A real key press is a keydown then a keyup; MudAutocomplete acts on either depending on the key.
    private static void PressEnter(IRenderedComponent<QuickSwitcher> switcher)
    {
        var enter = new KeyboardEventArgs { Key = "Enter", Code = "Enter" };
        switcher.Find("input[data-testid=quick-switch]").KeyDown(enter);
        switcher.Find("input[data-testid=quick-switch]").KeyUp(enter);
    }
}
