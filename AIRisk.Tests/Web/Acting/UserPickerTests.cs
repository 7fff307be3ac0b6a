using AIRisk.Core.Api;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting.Components;
using Bunit;

namespace AIRisk.Tests.Web.Acting;

public sealed class UserPickerTests : DashboardTestContext
{
    [Fact]
    public async Task A_switch_renders_again_only_the_Act_as_buttons_of_the_previous_and_the_new_user()
    {
        var picker = Render<UserPicker>();
        picker.WaitForAssertion(() => Assert.NotEmpty(picker.FindAll("[data-testid=user-row]")));
        var (previous, next) = (RowUser(picker, 0), RowUser(picker, 1));
        await Acting.SwitchAsync(previous, ct: Ct);
        picker.WaitForAssertion(() => Assert.Equal("true", Row(picker, previous).GetAttribute("aria-current")));
        var buttons = picker.FindComponents<ActAsButton>();
        var rendersBefore = buttons.Select(b => b.RenderCount).ToList();

        await Acting.SwitchAsync(next, ct: Ct);

        picker.WaitForAssertion(() => Assert.Equal("true", Row(picker, next).GetAttribute("aria-current")));
        var renderedAgain = buttons.Where((b, i) => b.RenderCount != rendersBefore[i]).Select(b => b.Instance.User.Id);
        Assert.Equal(new[] { previous.Id, next.Id }.Order(StringComparer.Ordinal), renderedAgain.Order(StringComparer.Ordinal));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UserPicker> picker, AIRiskUser user) =>
        picker.Find($"[data-testid=user-row][data-user-id='{user.Id}']");

    private AIRiskUser RowUser(IRenderedComponent<UserPicker> picker, int row)
    {
        var user = Sandbox.State.Data.FindUser(picker.FindAll("[data-testid=user-row]")[row].GetAttribute("data-user-id"))!;
        return new AIRiskUser(user.Id, user.DisplayName, user.Email, user.Role);
    }
}
