using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

[Collection(BrowserSuite.Name)]
public sealed class ActingTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Acting_as_a_user_shows_only_their_agents_and_conversations_without_a_reload()
    {
        var user = Fixture.FreshUser();
        var agents = Sandbox.Data.AgentIdsOf(user.Id);
        var conversations = await Fixture.FirstConversationIdsAsync(user, Ct);
        await OpenDashboardAsync();
        var row = await ShowUserAsync(user);
        await Page.EvaluateAsync("() => { window.__marker = 42; }");

        await row.GetByTestId("switch-user").ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);

        await Expect(Banner).ToContainTextAsync(user.DisplayName);
        await Expect(AgentItems).ToHaveCountAsync(agents.Count);
        Assert.Equal(agents.Order(), (await AttributeOfAllAsync(AgentItems, "data-agent-id")).Order());
        await Expect(ConversationItems).ToHaveCountAsync(conversations.Count);
        Assert.Equal(conversations, await AttributeOfAllAsync(ConversationItems, "data-conversation-id"));
        Assert.Equal(42, await Page.EvaluateAsync<int>("() => window.__marker"));
    }

    [Fact]
    public async Task Two_quick_switches_end_on_the_second_user_and_never_show_the_first_users_data_after_it()
    {
        await OpenDashboardAsync();
        var onScreen = await AttributeOfAllAsync(UserRows, "data-user-id");
        var users = Fixture.FreshUsers(onScreen, 2);
        var (first, second) = (users[0], users[1]);
        var firstUsersData = Sandbox.Data.AgentIdsOf(first.Id).Concat(await Fixture.FirstConversationIdsAsync(first, Ct)).ToArray();
        var secondAgents = Sandbox.Data.AgentIdsOf(second.Id);
        // Answers now arrive in any order, so the first switch's answers may come after the second's.
        Sandbox.LatencyJitter = TimeSpan.FromMilliseconds(40);
        await Page.EvaluateAsync(WatchForStaleData, new { first = first.Id, second = second.Id, firstName = first.DisplayName, firstUsersData });

        var gap = await Page.EvaluateAsync<double>(ClickBothWithin20Ms, new[] { first.Id, second.Id });
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", second.Id);

        Assert.True(gap < 100, $"The second click came {gap:F0} ms after the first.");
        await Expect(AgentItems).ToHaveCountAsync(secondAgents.Count);
        Assert.Equal(secondAgents.Order(), (await AttributeOfAllAsync(AgentItems, "data-agent-id")).Order());
        await Expect(ConversationItems.First).ToBeVisibleAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", second.Id);
        Assert.Empty(await Page.EvaluateAsync<string[]>("() => window.__staleData"));
    }

    [Fact]
    public async Task Switching_back_to_a_user_reuses_their_cached_token()
    {
        var first = Fixture.FreshUser();
        var second = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(first);
        await ActAsAsync(second);
        var tokenCalls = Sandbox.Requests.Count(RequestKind.Token);
        var authorizeCalls = Sandbox.Requests.Count(RequestKind.Authorize);

        await ActAsAsync(first);

        await Expect(Banner).ToContainTextAsync(first.DisplayName);
        Assert.Equal(tokenCalls, Sandbox.Requests.Count(RequestKind.Token));
        Assert.Equal(authorizeCalls, Sandbox.Requests.Count(RequestKind.Authorize));
        Assert.Equal(1, Sandbox.Requests.CountTokenCalls(first.Id));
    }

    [Fact]
    public async Task Stopping_clears_the_banner_and_empties_the_workspace()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(user);

        await Page.GetByTestId("stop-acting").ClickAsync();

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");
        await Expect(Banner).Not.ToContainTextAsync(user.DisplayName);
        await Expect(Page.GetByTestId("workspace-empty")).ToBeVisibleAsync();
        await Expect(AgentItems).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_failed_switch_shows_an_error_and_keeps_the_previous_user()
    {
        var previous = Fixture.FreshUser();
        var next = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(previous);
        var row = await ShowUserAsync(next);
        Sandbox.Faults.FailNext("/api/oauth2/Token", 1, FaultKind.Status, 500);

        await row.GetByTestId("switch-user").ClickAsync();

        await Expect(ErrorMessages).ToContainTextAsync(next.DisplayName);
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", previous.Id);
        await Expect(Banner).ToContainTextAsync(previous.DisplayName);
    }

    /// <summary>
    /// Records, from the moment the banner first shows the second user, anything of the first user's on the page:
    /// the banner naming them, or one of their agents or conversations. Lives as long as the page (in-app navigation
    /// keeps it).
    /// </summary>
    private const string WatchForStaleData = """
        ({ first, second, firstName, firstUsersData }) => {
            window.__staleData = [];
            let secondShown = false;
            const check = () => {
                const banner = document.querySelector('[data-testid=acting-as]');
                secondShown ||= banner?.getAttribute('data-user-id') === second;
                if (!secondShown)
                    return;
                if (banner?.getAttribute('data-user-id') === first || banner?.textContent.includes(firstName))
                    window.__staleData.push('banner: ' + banner.textContent);
                for (const item of document.querySelectorAll('[data-testid=agent-item], [data-testid=conversation-item]')) {
                    const id = item.getAttribute('data-agent-id') ?? item.getAttribute('data-conversation-id');
                    if (firstUsersData.includes(id))
                        window.__staleData.push(item.getAttribute('data-testid') + ': ' + id);
                }
            };
            new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    /// <summary>Clicks the two users' Act as buttons 20 ms apart; returns the measured gap in milliseconds.</summary>
    private const string ClickBothWithin20Ms = """
        async ([first, second]) => {
            const button = id => document.querySelector(`[data-testid=user-row][data-user-id="${id}"] [data-testid=switch-user]`);
            const [a, b] = [button(first), button(second)];
            const start = performance.now();
            a.click();
            await new Promise(resolve => setTimeout(resolve, 20));
            b.click();
            return performance.now() - start;
        }
        """;
}
