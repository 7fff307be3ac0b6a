using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

[Collection(BrowserSuite.Name)]
public sealed class ChatTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_agents_reply_appears_in_several_steps_while_it_streams()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(user);
        await Expect(AgentItems.First).ToBeVisibleAsync();
        await Page.EvaluateAsync(RecordStreamingSteps);

        await SendChatAsync("Which policy covers travel expenses?");

        var streaming = Page.Locator("[data-testid=chat-message][data-streaming=true]");
        await Expect(streaming).ToHaveCountAsync(1);
        await Expect(streaming).ToHaveCountAsync(0);
        var reply = Page.Locator("[data-testid=chat-message][data-role=ai]").Last;
        var steps = await Page.EvaluateAsync<string[]>("() => window.__streamingSteps");
        Assert.True(steps.Length >= 2, $"Saw {steps.Length} partial replies: {string.Join(" | ", steps)}");
        foreach (var step in steps)
            await Expect(reply).ToContainTextAsync(step);
    }

    [Fact]
    public async Task A_reply_the_server_stores_only_after_its_stream_stays_on_screen()
    {
        var user = Fixture.FreshUser();
        Sandbox.Options.StoreReplyAfterStream = TimeSpan.FromSeconds(1);
        await OpenDashboardAsync();
        await ActAsAsync(user);
        await ConversationItems.First.ClickAsync();
        var messages = Page.GetByTestId("chat-message");
        await Expect(messages.First).ToBeVisibleAsync();
        var before = await messages.CountAsync();

        await SendChatAsync("Which risks are overdue for review?");

        var reply = Page.Locator("[data-testid=chat-message][data-role=ai]").Last;
        await Expect(Page.Locator("[data-streaming=true]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-streaming=true]")).ToHaveCountAsync(0);
        await Expect(messages).ToHaveCountAsync(before + 2);
        var text = await reply.Locator(".chat-message__text").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(text));
        await Expect(reply.GetByTestId("like")).ToBeVisibleAsync();
        await Expect(messages).ToHaveCountAsync(before + 2);
        await Expect(reply.Locator(".chat-message__text")).ToHaveTextAsync(text!);
    }

    /// <summary>
    /// Records each distinct text of the message still streaming. The text follows the message's caption (its first
    /// child), which is left out, so an empty reply records nothing.
    /// </summary>
    private const string RecordStreamingSteps = """
        () => {
            window.__streamingSteps = [];
            new MutationObserver(() => {
                const message = document.querySelector('[data-testid=chat-message][data-streaming=true]');
                if (!message)
                    return;
                const caption = message.firstElementChild?.textContent ?? '';
                const text = message.textContent.slice(caption.length).trim();
                const steps = window.__streamingSteps;
                if (text && text !== steps[steps.length - 1])
                    steps.push(text);
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;
}
