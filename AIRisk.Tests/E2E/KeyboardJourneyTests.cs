using AIRisk.Tests.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// The whole job with the keyboard alone: search, act, stop. Every control reached has a visible focus ring and an
/// accessible name, focus never falls back to the page, and screen readers are told who is acted as.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class KeyboardJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    private const int MaxTabs = 40;

    // The focused element: is it the page itself, its accessible name (as assistive technology computes it, roughly),
    // whether a focus ring is drawn (an outline, or a box shadow), and whether it is on screen at all.
    private const string FocusProbe = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return { lost: true, name: '', ring: false, testid: '', visible: false };
          const box = e.getBoundingClientRect();
          const visible = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
          const byIds = (e.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent || '').join(' ');
          const label = e.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent : '';
          const name = (e.getAttribute('aria-label') || byIds || label || e.textContent || e.getAttribute('title') || e.getAttribute('placeholder') || '').trim();
          const style = getComputedStyle(e);
          const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
          const testid = e.closest('[data-testid]')?.getAttribute('data-testid') || '';
          return { lost: false, name, ring, testid, visible };
        }
        """;

    [Fact]
    public async Task Search_act_and_stop_with_the_keyboard_alone()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();

        await ActByKeyboardAsync(user);
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await Expect(Page.GetByTestId("acting-announcement")).ToHaveTextAsync($"Now acting as {user.DisplayName}{(user.Role is null ? "" : $", {user.Role}")}.");
        await AssertFocusKeptAsync("after the switch");

        await TabUntilAsync(() => Page.GetByTestId("stop-acting"), backwards: true);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");
        await Expect(Page.GetByTestId("acting-announcement")).ToHaveTextAsync("Not acting as anyone.");
        await AssertFocusKeptAsync("after stopping");
        await Expect(Page.GetByTestId("quick-switch")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Tab_goes_through_the_whole_console_and_out_again_without_being_trapped()
    {
        await OpenDashboardAsync();
        await ActAsAsync(Fixture.FreshUser());
        await Expect(ConversationItems.First).ToBeVisibleAsync();

        // Tabbing forward from the page's start reaches a conversation (the far side of the table) and, later, the
        // chat's input: nothing in between holds focus.
        var seen = new List<string>();
        for (var i = 0; i < 200 && !seen.Contains("chat-input"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            seen.Add((await ProbeAsync()).TestId);
        }

        Assert.Contains("conversation-item", seen);
        Assert.Contains("chat-input", seen);
    }

    [Fact]
    public async Task On_a_phone_the_users_panel_opens_switches_and_hands_focus_back_to_its_button()
    {
        var user = Fixture.FreshUser();
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/");
        await Expect(Page.GetByTestId("open-users")).ToBeVisibleAsync();

        await TabUntilAsync(() => Page.GetByTestId("open-users"));
        await Page.Keyboard.PressAsync("Enter");
        await ActByKeyboardAsync(user);

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await Expect(Page.GetByTestId("open-users")).ToBeFocusedAsync();
    }

    /// <summary>Tab to the table's search, type the user's id, Tab to their row's Act as, Enter.</summary>
    private async Task ActByKeyboardAsync(AIRisk.Sandbox.Data.SandboxUser user)
    {
        await TabUntilAsync(() => Page.GetByTestId("user-search").Locator("input"));
        await Page.Keyboard.TypeAsync(user.Id);
        await Expect(UserRows).ToHaveCountAsync(1);
        await TabUntilAsync(() => UserRows.GetByTestId("switch-user"));
        await Page.Keyboard.PressAsync("Enter");
    }

    private async Task TabUntilAsync(Func<ILocator> target, bool backwards = false)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await ProbeAsync();
            Assert.False(focus.Lost, "Focus fell back to the page while tabbing.");
            Assert.True(focus.Name.Length > 0, $"A focused control ({focus.TestId}) has no accessible name.");
            Assert.True(focus.Ring, $"A focused control ({focus.TestId}: {focus.Name}) shows no focus ring.");
            Assert.True(focus.Visible, $"Focus went to a control that is not on screen ({focus.TestId}: {focus.Name}).");
            if (await target().EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
                return;
        }

        Assert.Fail($"Not reached with {MaxTabs} presses of {(backwards ? "Shift+Tab" : "Tab")}.");
    }

    // Moved, if it moves, within the render that changed the page: a moment, never a second.
    private async Task AssertFocusKeptAsync(string when)
    {
        var deadline = DateTime.UtcNow.AddSeconds(1);
        while ((await ProbeAsync()).Lost)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Focus fell back to the page {when}.");
            await Task.Delay(50);
        }
    }

    private async Task<Focus> ProbeAsync() => await Page.EvaluateAsync<Focus>(FocusProbe);

    private sealed class Focus
    {
        public bool Lost { get; set; }

        public string Name { get; set; } = "";

        public bool Ring { get; set; }

        public string TestId { get; set; } = "";

        public bool Visible { get; set; }
    }
}
