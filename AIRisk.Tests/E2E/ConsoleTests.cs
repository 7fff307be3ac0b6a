using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

/// <summary>The console page as staff use it: switching from anywhere, deep links, narrow screens.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ConsoleTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Ctrl_K_then_typing_and_Enter_switches_without_leaving_the_page()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await Page.EvaluateAsync("() => { window.__marker = 7; }");

        await Page.Keyboard.PressAsync("Control+k");
        await Expect(Page.GetByTestId("quick-switch")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(user.Id[..13]);
        await Expect(Page.GetByTestId("quick-switch-option").First).ToHaveAttributeAsync("data-user-id", user.Id);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await Expect(AgentItems).ToHaveCountAsync(Sandbox.Data.AgentIdsOf(user.Id).Count);
        await Expect(Page).ToHaveTitleAsync($"{user.DisplayName} · AIRisk Console");
        Assert.Equal(7, await Page.EvaluateAsync<int>("() => window.__marker"));
    }

    [Fact]
    public async Task Typing_straight_after_Ctrl_K_keeps_every_character()
    {
        await OpenDashboardAsync();
        var box = Page.GetByTestId("quick-switch");

        // Staff press Ctrl+K and type at once, before the server has heard of the focus. The switcher used to select
        // its text when the focus reached the server, so the next key replaced what was typed until then ("sean"
        // became "an"); it happened about every other time, hence several tries.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Page.Keyboard.PressAsync("Control+k");
            await Page.Keyboard.TypeAsync("sean");
            await Expect(Page.GetByTestId("quick-switch-option").First).ToBeVisibleAsync();
            Assert.Equal("sean", await box.InputValueAsync());

            await box.FillAsync("");
            await Page.Keyboard.PressAsync("Escape");
            await Page.GetByTestId("user-count").ClickAsync();
        }
    }

    [Fact]
    public async Task A_deep_link_confirms_before_switching_and_the_address_follows_the_view()
    {
        // Three conversations at least: the link opens the second, then staff open the third.
        var (user, conversations) = await UserWithConversationsAsync(3);

        var tokenCalls = Sandbox.Requests.CountTokenCalls(user.Id);

        await Page.GotoAsync($"/act/{user.Id}?conversation={conversations[1]}");
        await Expect(Page.GetByTestId("confirm-act")).ToContainTextAsync(user.DisplayName);
        Assert.Equal(tokenCalls, Sandbox.Requests.CountTokenCalls(user.Id));
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");

        await Page.GetByTestId("confirm-act").ClickAsync();

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await Expect(Page.Locator($"[data-testid=conversation-item][data-conversation-id='{conversations[1]}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conversation-item--selected"));
        await ConversationItems.Nth(2).ClickAsync();
        var opened = await ConversationItems.Nth(2).GetAttributeAsync("data-conversation-id");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/act/{user.Id}\\?conversation={opened}$"));
    }

    [Fact]
    public async Task Stopping_returns_the_address_to_the_console_and_asks_to_pick_a_user()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(user);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/act/{user.Id}$"));

        await Page.GetByTestId("stop-acting").ClickAsync();

        await Expect(Page.GetByTestId("workspace-empty")).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await Expect(Page).ToHaveTitleAsync("AIRisk Console");
    }

    [Fact]
    public async Task Recent_users_switch_back_with_one_click()
    {
        var (first, second) = (Fixture.FreshUser(), Fixture.FreshUser());
        await OpenDashboardAsync();
        await ActAsAsync(first);
        await ActAsAsync(second);

        await Page.Locator($"[data-testid=recent-user][data-user-id='{first.Id}']").ClickAsync();

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", first.Id);
        await Expect(Page.Locator($"[data-testid=recent-user][data-user-id='{second.Id}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task At_390_px_the_banner_shows_name_and_stop_and_the_users_panel_opens_switches_and_closes()
    {
        var (first, second) = (Fixture.FreshUser(), Fixture.FreshUser());
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/");
        await Expect(UserRows.First).ToBeHiddenAsync();

        await Page.GetByTestId("open-users").ClickAsync();
        await Expect(UserRows.First).ToBeVisibleAsync();
        await ActAsAsync(first);
        await Expect(UserRows.First).ToBeHiddenAsync();
        await Expect(Banner).ToContainTextAsync(first.DisplayName);
        await Expect(Page.GetByTestId("stop-acting")).ToBeInViewportAsync();
        await Expect(AgentItems.First).ToBeVisibleAsync();

        await Page.GetByTestId("open-users").ClickAsync();
        await ActAsAsync(second);

        await Expect(UserRows.First).ToBeHiddenAsync();
        await Expect(Banner).ToContainTextAsync(second.DisplayName);
        var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page scrolls sideways at 390 px.");
        // The user's id is not shown at this width, nor the dot that follows it: the line starts with the token's time.
        var shown = await Page.EvaluateAsync<string[]>(
            "() => [document.querySelector('.acting-banner__meta').innerText.trim(), document.querySelector('[data-testid=token-remaining]').innerText.trim()]");
        Assert.StartsWith(shown[1], shown[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_on_the_page_moves_while_a_switch_waits_for_the_users_data()
    {
        // Each frame of a transition lays the whole page out again, and the user's data, when it comes, waits for it.
        var (first, second) = (Fixture.FreshUser(), Fixture.FreshUser());
        await OpenDashboardAsync();
        await ActAsAsync(first);
        await Expect(AgentItems.First).ToBeVisibleAsync();
        var row = await ShowUserAsync(second);

        // Read as the banner names the new user, in the same task as the change: what runs then runs through the wait.
        var moving = await row.GetByTestId("switch-user").EvaluateAsync<string[]>("""
            (button, id) => new Promise(resolve => {
                const observer = new MutationObserver(() => {
                    if (document.querySelector('[data-testid=acting-as]')?.getAttribute('data-user-id') !== id)
                        return;
                    observer.disconnect();
                    // Placeholders appear after a delay, without frames before it (app.css): not movement.
                    resolve(document.getAnimations()
                        .filter(a => a.playState === 'running' && a.animationName !== 'airisk-appear')
                        .map(a => `${a.transitionProperty ?? a.animationName} on ${a.effect?.target?.className}`));
                });
                observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
                button.click();
            })
            """, second.Id);

        Assert.Empty(moving);
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", second.Id);
    }

    [Fact]
    public async Task A_paste_longer_than_a_message_may_be_is_cut_with_a_message()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(user);
        var input = Page.GetByTestId("chat-input").Locator("textarea");
        await input.FocusAsync();

        await Page.EvaluateAsync("""
            () => {
                const data = new DataTransfer();
                data.setData('text', 'x'.repeat(9000));
                document.querySelector('[data-testid=chat-input] textarea')
                    .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
            }
            """);

        await Expect(ErrorMessages).ToContainTextAsync("9,000 characters");
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
    }

    private async Task<(AIRisk.Sandbox.Data.SandboxUser User, IReadOnlyList<string> Conversations)> UserWithConversationsAsync(int count)
    {
        while (true)
        {
            var user = Fixture.FreshUser();
            var conversations = await Fixture.FirstConversationIdsAsync(user, Ct);
            if (conversations.Count >= count)
                return (user, conversations);
        }
    }
}
