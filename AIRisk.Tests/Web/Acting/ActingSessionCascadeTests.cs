using AIRisk.Tests.TestSupport;
using Bunit;

namespace AIRisk.Tests.Web.Acting;

/// <summary>
/// The cascade re-renders only what reads the acting view on a switch; the layout's own changes to the content
/// beneath it must still show.
/// </summary>
public sealed class ActingSessionCascadeTests() : DashboardTestContext
{
    [Fact]
    public async Task The_layouts_own_changes_show_and_a_switch_still_reaches_the_banner()
    {
        var user = Sandbox.User(2);
        var layout = Context.Render<CascadeLayoutHost>(p => p.Add(h => h.State, "panel closed"));

        layout.Render(p => p.Add(h => h.State, "panel open"));
        Assert.Equal("panel open", layout.Find("[data-testid=layout-state]").TextContent);

        await Acting.SwitchAsync(user, ct: Ct);

        layout.WaitForAssertion(() => Assert.Equal(user.Id, layout.Find("[data-testid=acting-as]").GetAttribute("data-user-id")));
        Assert.Equal("panel open", layout.Find("[data-testid=layout-state]").TextContent);
    }
}
