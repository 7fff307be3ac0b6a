using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AIRisk.TestSupport;

/// <summary>
/// The dashboard's services as AIRisk.Web registers them, without Kestrel or a browser: for bUnit (the component tests,
/// the bench's rapid-switch figure) and for the bench's simulated circuits. Staff prompts and tab storage stay the
/// app's unless the caller replaces them: a test answers prompts its own way, a benchmark confirms them.
/// </summary>
public static class HostlessDashboard
{
    /// <summary>
    /// What the components need (<c>AddAIRiskDashboard</c>) and what the app's host adds for them: logging, the audit
    /// trail (SQLite in <c>data/</c> under <paramref name="contentRoot"/> unless <c>AIRISK_DATA_DIR</c> says otherwise,
    /// or PostgreSQL with <c>POSTGRES_CONNECTION</c>) and Redis with <c>REDIS_CONNECTION</c>.
    /// </summary>
    public static IServiceCollection AddHostlessDashboard(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddLogging();
        services.AddAIRiskDashboard(configuration);
        services.AddAIRiskAudit(configuration, contentRoot);
        services.AddAIRiskAlerts(configuration);
        services.AddAIRiskRedis(configuration);
        return services;
    }

    /// <summary>
    /// <see cref="AddHostlessDashboard(IServiceCollection, IConfiguration, string)"/> in a bUnit context, with what rendering without a browser takes: loose JS
    /// interop (MudBlazor's calls get default answers), and MudBlazor as the app registered it with no transitions to
    /// wait for and no popover provider required of a component rendered on its own.
    /// </summary>
    public static BunitContext AddHostlessDashboard(this BunitContext context, IConfiguration configuration, string contentRoot)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddHostlessDashboard(configuration, contentRoot);
        context.Services.Configure<SnackbarConfiguration>(o =>
        {
            o.ShowTransitionDuration = 0;
            o.HideTransitionDuration = 0;
        });
        context.Services.Configure<PopoverOptions>(o => o.CheckForPopoverProvider = false);
        return context;
    }
}
