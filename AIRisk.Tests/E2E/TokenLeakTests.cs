using System.Text;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

[Collection(BrowserSuite.Name)]
public sealed class TokenLeakTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task No_access_token_reaches_the_browser_during_a_whole_session()
    {
        var user = Fixture.FreshUser();
        var frames = new List<string>();
        Page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => Record(frames, frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
            socket.FrameSent += (_, frame) => Record(frames, frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
        };

        await OpenDashboardAsync();
        await ActAsAsync(user);
        await Expect(AgentItems.First).ToBeVisibleAsync();
        await SendChatAsync("Summarise the onboarding checklist");
        await Expect(Page.Locator("[data-testid=chat-message][data-role=ai]")).Not.ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-testid=chat-message][data-streaming=true]")).ToHaveCountAsync(0);

        var tokens = Sandbox.IssuedTokenValues();
        Assert.NotEmpty(tokens);
        var seen = new Dictionary<string, string>
        {
            ["HTML"] = await Page.ContentAsync(),
            ["localStorage"] = await Page.EvaluateAsync<string>("() => JSON.stringify(Object.entries(localStorage))"),
            ["sessionStorage"] = await Page.EvaluateAsync<string>("() => JSON.stringify(Object.entries(sessionStorage))"),
            ["cookies"] = string.Join("\n", (await Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}")),
            ["console"] = string.Join("\n", ConsoleMessages),
            ["circuit messages"] = Joined(frames),
        };
        var leaks = seen.Where(place => tokens.Any(token => place.Value.Contains(token, StringComparison.Ordinal))).Select(place => place.Key);
        Assert.Empty(leaks);
    }

    private static void Record(List<string> frames, string frame)
    {
        lock (frames)
            frames.Add(frame);
    }

    private static string Joined(List<string> frames)
    {
        lock (frames)
            return string.Join("\n", frames);
    }
}
