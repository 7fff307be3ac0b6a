using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Sandbox;
using AIRisk.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Components;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit;
using AIRisk.Web.Users;
using AIRisk.Web.Workspace.Components;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;
using MudBlazor;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// bUnit with the dashboard's real services against a real sandbox on loopback: the test context is one circuit
/// (one TokenState), and every AIRisk call goes over HTTP. MudBlazor needs loose JS interop and async disposal.
/// </summary>
public abstract class DashboardTestContext : IAsyncLifetime
{
    private readonly Action<SandboxOptions>? _sandboxOptions;
    private readonly Action<Dictionary<string, string?>>? _settings;

    // Waits end as soon as their assertion passes; the ceiling only matters on a loaded machine (CI shares two cores).
    static DashboardTestContext() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected DashboardTestContext(Action<SandboxOptions>? sandbox = null, Action<Dictionary<string, string?>>? settings = null, FakeTimeProvider? time = null)
    {
        _sandboxOptions = sandbox;
        _settings = settings;
        Time = time;
    }

    /// <summary>The dashboard's clock when a test controls it (session limits, countdowns).</summary>
    protected FakeTimeProvider? Time { get; }

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("airisk-audit-").FullName;

    protected BunitContext Context { get; } = new();

    /// <summary>Staff answer every prompt with yes (and a reason) unless a test says otherwise.</summary>
    protected Mock<IStaffPrompts> Prompts { get; } = new();

    protected SandboxHost Sandbox { get; private set; } = default!;

    protected TokenState Tokens => Context.Services.GetRequiredService<TokenState>();

    protected ActingTokens ActingTokens => Context.Services.GetRequiredService<ActingTokens>();

    protected ActingSwitch Acting => Context.Services.GetRequiredService<ActingSwitch>();

    protected SessionEnder Ender => Context.Services.GetRequiredService<SessionEnder>();

    protected SessionResume Resume => Context.Services.GetRequiredService<SessionResume>();

    protected SingleUserMode SingleUser => Context.Services.GetRequiredService<SingleUserMode>();

    protected ActingStatus Status => Context.Services.GetRequiredService<ActingStatus>();

    protected TabSession Tab => Context.Services.GetRequiredService<TabSession>();

    /// <summary>The circuit handler's end of a closed tab, as the circuit's close runs it.</summary>
    protected ActingCircuitHandler ClosedTab => ActivatorUtilities.CreateInstance<ActingCircuitHandler>(Context.Services);

    /// <summary>What staff were last told (why a switch failed or a session ended).</summary>
    protected string? LastError => Status.Notice?.Message;

    /// <summary>The tab's acting session in force.</summary>
    protected string? SessionId => Tab.Id;

    protected ActingSessionClock Clock => Context.Services.GetRequiredService<ActingSessionClock>();

    protected UserDirectoryLoader Users => Context.Services.GetRequiredService<UserDirectoryLoader>();

    protected IAuditTrail Audit => Context.Services.GetRequiredService<IAuditTrail>();

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(o =>
        {
            o.RedirectUris = [CoreHarness.RedirectUri];
            o.StreamPieceDelay = TimeSpan.FromMilliseconds(5);
            _sandboxOptions?.Invoke(o);
        }, Time);

        var values = Sandbox.ClientSettings();
        _settings?.Invoke(values);
        Configure(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        // Before the dashboard's services, which fall back to the system clock.
        if (Time is not null)
            Context.Services.AddSingleton<TimeProvider>(Time);
        Context.AddHostlessDashboard(configuration, _dataDirectory);
        Context.Services.AddSingleton<IStaffPrompts>(Prompts.Object);
        // Before the test's own services, which may answer the prompts otherwise.
        Prompts.Setup(p => p.AskGroundsAsync(It.IsAny<GroundsQuestion>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((GroundsQuestion q, CancellationToken _) => new ActAsGrounds(q.Filled.Ticket, "support ticket 42"));
        Prompts.Setup(p => p.ConfirmWritesAsync(It.IsAny<AIRiskUser>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        AddServices(Context.Services, configuration);
        foreach (var initializer in Context.Services.GetServices<IHostedService>().Where(s => s is not StaleSessionSweeper))
            await initializer.StartAsync(CancellationToken.None);
        // As the circuit handler does when the circuit opens: work raised off the renderer (a timer) runs on its dispatcher.
        var dispatcher = Context.Services.GetRequiredService<CircuitDispatcher>();
        await Context.Renderer.Dispatcher.InvokeAsync(dispatcher.Capture);
        // As the layout does once the tab has tried to resume: a deep link is confirmed from then on.
        if (TabStarted)
            await Status.MarkStartedAsync();
        Popovers = Context.Render<MudPopoverProvider>();
    }

    /// <summary>Whether the tab's start (resume, single-user mode) counts as run before the test begins.</summary>
    protected virtual bool TabStarted => true;

    /// <summary>Where MudBlazor renders open popovers (autocomplete lists, menus).</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    /// <summary>
    /// Renders <typeparamref name="T"/> under the layout's acting cascade, the one route by which identity changes
    /// reach components, as the app does.
    /// </summary>
    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        var cascade = Context.Render<ActingSessionCascade>(p => p.AddChildContent(parameters ?? (_ => { })));
        return cascade.FindComponent<T>();
    }

    /// <summary>Acts as <paramref name="user"/> and renders the workspace once its agents and conversations show.</summary>
    protected async Task<IRenderedComponent<ActingWorkspace>> OpenWorkspaceAsync(AIRiskUser user)
    {
        await Acting.SwitchAsync(user, ct: Ct);
        var workspace = Render<ActingWorkspace>();
        workspace.WaitForAssertion(() =>
        {
            Assert.NotEmpty(workspace.FindAll("[data-testid=agent-item]"));
            Assert.NotEmpty(workspace.FindAll("[data-testid=conversation-item]"));
        }, TimeSpan.FromSeconds(10));
        return workspace;
    }

    /// <summary>The user directory page with <paramref name="userId"/>'s row alone and its details open: the details.</summary>
    protected AngleSharp.Dom.IElement UserDetails(string userId)
    {
        var page = Render<AIRisk.Web.Components.Pages.UsersPage>();
        page.SearchForOneRow(userId);
        page.Find("[data-testid=user-details-toggle]").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=user-details]")));
        return page.Find("[data-testid=user-details]");
    }

    /// <summary>Services the app's host adds that a test needs too (telemetry, say), before the first is resolved.</summary>
    protected virtual void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Settings that depend on the running sandbox (a seeded user's id, say).</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
