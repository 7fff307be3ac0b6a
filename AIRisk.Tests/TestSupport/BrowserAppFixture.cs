using AIRisk.Sandbox;
using AIRisk.Sandbox.Data;
using AIRisk.TestSupport;
using AIRisk.Web.Workspace.Components;
using Microsoft.Playwright;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// For browser tests: a sandbox in this process (so tests read its request log and inject faults), the real
/// AIRisk.Web in its own process pointed at it, and a headless system Chromium, all on 127.0.0.1. Shared by the tests
/// of a class or collection; each test opens its own browser context (its own circuit).
/// When there is no Chromium, nothing starts and <see cref="BrowserTest"/> skips every test with <see cref="SkipReason"/>.
/// </summary>
public class BrowserAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Every call takes a little while, as on a real instance: enough for switches to overlap.</summary>
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    /// <summary>Slow enough for a browser to render several steps of a streamed reply.</summary>
    public static readonly TimeSpan StreamPieceDelay = TimeSpan.FromMilliseconds(80);

    private readonly Lock _lock = new();
    private readonly HashSet<string> _handedOut = new(StringComparer.OrdinalIgnoreCase);
    private IPlaywright? _playwright;

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => File.Exists(ChromiumPath)
        ? null
        : $"No browser at {ChromiumPath}: install Debian's chromium package (.ci/run does) to run the browser tests.";

    public SandboxHost Sandbox { get; private set; } = default!;

    public WebAppProcess App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The app's <c>/callback</c>, the one redirect URI the sandbox allows.</summary>
    public string RedirectUri { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
            return;

        var address = WebAppProcess.FreeBaseAddress();
        RedirectUri = $"{address}callback";
        Sandbox = await SandboxHost.StartAsync(o =>
        {
            o.RedirectUris = [RedirectUri];
            o.Latency = Latency;
            o.StreamPieceDelay = StreamPieceDelay;
            ConfigureSandbox(o);
        });

        var environment = Sandbox.ClientSettings();
        await ConfigureAsync(address, environment);
        App = await WebAppProcess.StartAsync(environment, address.Port);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            // Playwright turns Chromium's pop-up blocker off; browser mode must work with it on, as staff have it.
            IgnoreDefaultArgs = PopupBlocker ? ["--disable-popup-blocking"] : null,
        });
    }

    /// <summary>Whether Chromium blocks windows a page opens without a click, as a staff member's browser does.</summary>
    public virtual bool PopupBlocker => false;

    /// <summary>Changes the sandbox before it starts (more users, say).</summary>
    protected virtual void ConfigureSandbox(SandboxOptions options)
    {
    }

    /// <summary>Adds or changes the app's environment; the sandbox is already running.</summary>
    protected virtual void Configure(Dictionary<string, string?> environment)
    {
    }

    /// <summary>As <see cref="Configure"/>, for settings that need the app's address or something started first.</summary>
    protected virtual ValueTask ConfigureAsync(Uri appAddress, Dictionary<string, string?> environment)
    {
        Configure(environment);
        return ValueTask.CompletedTask;
    }

    /// <summary>Undoes what an earlier test changed in the sandbox: request log, faults, latency, stream speed and storing.</summary>
    public void ResetSandbox()
    {
        var state = Sandbox.State;
        state.Requests.Clear();
        state.Faults.Clear();
        state.Latency = Latency;
        state.LatencyJitter = TimeSpan.Zero;
        state.Options.StreamPieceDelay = StreamPieceDelay;
        state.Options.StoreReplyAfterStream = null;
    }

    /// <summary>The ids of the user's conversations the workspace lists first, as the sandbox's API sends them.</summary>
    public Task<IReadOnlyList<string>> FirstConversationIdsAsync(SandboxUser user, CancellationToken ct) =>
        SandboxConversations.NewestIdsAsync(Sandbox, RedirectUri, user.Id, ConversationList.PageSize, ct);

    /// <summary>
    /// A seeded user no other test of this fixture has been handed, so the app has no cached token for them (the
    /// token cache is process-wide): switching to them calls the sandbox.
    /// </summary>
    public SandboxUser FreshUser() => FreshUsers(Sandbox.State.Data.Users.Select(u => u.Id), 1)[0];

    /// <summary>The first <paramref name="count"/> of <paramref name="candidateIds"/> not handed out yet, in their order.</summary>
    public IReadOnlyList<SandboxUser> FreshUsers(IEnumerable<string> candidateIds, int count)
    {
        lock (_lock)
        {
            var users = candidateIds.Where(id => !_handedOut.Contains(id)).Take(count).Select(id => Sandbox.State.Data.FindUser(id)!).ToList();
            if (users.Count < count)
                throw new InvalidOperationException($"Only {users.Count} fresh users left; the test needs {count}.");
            foreach (var user in users)
                _handedOut.Add(user.Id);
            return users;
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        if (Sandbox is not null)
            await Sandbox.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
