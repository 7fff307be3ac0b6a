using AIRisk.Sandbox;
using AIRisk.Sandbox.Data;
using Microsoft.Playwright;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// One browser test: a fresh browser context and page (so its own circuit and cookies), a sandbox whose request log
/// and faults are reset, the console recorded, and a screenshot in the test results folder when the test fails.
/// Helpers reach the dashboard only through its <c>data-testid</c> hooks and nav links.
/// </summary>
public abstract class BrowserTest(BrowserAppFixture fixture) : IAsyncLifetime
{
    private readonly List<string> _console = [];

    protected BrowserAppFixture Fixture => fixture;

    protected SandboxState Sandbox => fixture.Sandbox.State;

    protected IBrowserContext Context { get; private set; } = default!;

    protected IPage Page { get; private set; } = default!;

    protected ILocator UserRows => Page.GetByTestId("user-row");

    protected ILocator Banner => Page.GetByTestId("acting-as");

    protected ILocator AgentItems => Page.GetByTestId("agent-item");

    protected ILocator ConversationItems => Page.GetByTestId("conversation-item");

    protected ILocator ErrorMessages => Page.GetByTestId("error-message");

    /// <summary>Everything the page logged to its console so far.</summary>
    protected IReadOnlyList<string> ConsoleMessages
    {
        get
        {
            lock (_console)
                return [.. _console];
        }
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (BrowserAppFixture.SkipReason is { } reason)
            Assert.Skip(reason);

        fixture.ResetSandbox();
        Context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString() });
        Context.SetDefaultTimeout(10_000);
        if (fixture.PopupBlocker)
            await Context.AddInitScriptAsync(PopupBlockerScript.BlockWindowsWithoutGesture);
        Page = await Context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            lock (_console)
                _console.Add(message.Text);
        };
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>Loads the users page (a new circuit) and waits for the first rows.</summary>
    protected async Task OpenDashboardAsync()
    {
        await Page.GotoAsync("/");
        await Expect(UserRows.First).ToBeVisibleAsync();
    }

    /// <summary>Searches the users table for the user's id and returns their row, the only one left.</summary>
    protected async Task<ILocator> ShowUserAsync(SandboxUser user)
    {
        await Page.GetByTestId("user-search").Locator("input").FillAsync(user.Id);
        await Expect(UserRows).ToHaveCountAsync(1);
        await Expect(UserRows).ToHaveAttributeAsync("data-user-id", user.Id);
        return UserRows;
    }

    /// <summary>Switches to the user from the users page and waits until the banner shows them.</summary>
    protected async Task ActAsAsync(SandboxUser user)
    {
        var row = await ShowUserAsync(user);
        await row.GetByTestId("switch-user").ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
    }

    /// <summary>Sends a chat message, confirming the once-per-session "write as this user" prompt when it appears.</summary>
    protected async Task SendChatAsync(string text)
    {
        await Page.GetByTestId("chat-input").Locator("textarea").FillAsync(text);
        await Page.GetByTestId("chat-send").ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Write as") });
        if (await confirm.IsVisibleAsync() || await WaitForAsync(confirm))
            await confirm.ClickAsync();
    }

    private static async Task<bool> WaitForAsync(ILocator locator)
    {
        try
        {
            await locator.WaitForAsync(new() { Timeout = 5_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    protected static Task<string[]> AttributeOfAllAsync(ILocator locator, string attribute) =>
        locator.EvaluateAllAsync<string[]>("(elements, name) => elements.map(e => e.getAttribute(name))", attribute);

    public async ValueTask DisposeAsync()
    {
        if (Page is not null && TestContext.Current.TestState?.Result == TestResult.Failed)
            await SaveScreenshotAsync();
        if (Context is not null)
            await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task SaveScreenshotAsync()
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? GetType().Name;
        var name = string.Concat(test.Select(c => char.IsLetterOrDigit(c) || c is '_' or '.' ? c : '_'));
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
            TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot of the failed test: {path}");
        }
        catch (PlaywrightException e)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"No screenshot: {e.Message}");
        }
    }
}
