using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Sandbox;
using AIRisk.Web.Services.Acting;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// bUnit with the dashboard's real services against a real sandbox on loopback: the test context is one circuit
/// (one TokenState), and every AIRisk call goes over HTTP. MudBlazor needs loose JS interop and async disposal.
/// </summary>
public abstract class DashboardTestContext : IAsyncLifetime
{
    private readonly Action<SandboxOptions>? _sandboxOptions;
    private readonly Action<Dictionary<string, string?>>? _settings;

    protected DashboardTestContext(Action<SandboxOptions>? sandbox = null, Action<Dictionary<string, string?>>? settings = null)
    {
        _sandboxOptions = sandbox;
        _settings = settings;
    }

    protected BunitContext Context { get; } = new();

    protected SandboxHost Sandbox { get; private set; } = default!;

    protected TokenState Tokens => Context.Services.GetRequiredService<TokenState>();

    protected ActingService Acting => Context.Services.GetRequiredService<ActingService>();

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(o =>
        {
            o.RedirectUris = [CoreHarness.RedirectUri];
            o.StreamPieceDelay = TimeSpan.FromMilliseconds(5);
            _sandboxOptions?.Invoke(o);
        });

        var values = new Dictionary<string, string?>
        {
            [AIRiskKeys.BaseUrl] = Sandbox.BaseAddress.ToString(),
            [AIRiskKeys.ClientId] = Sandbox.Options.ClientId,
            [AIRiskKeys.ClientSecret] = Sandbox.Options.ClientSecret,
            [AIRiskKeys.RedirectUri] = CoreHarness.RedirectUri,
        };
        _settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddLogging();
        Context.Services.AddAIRiskDashboard(configuration);
        Context.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        Context.Render<MudPopoverProvider>();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Sandbox.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
