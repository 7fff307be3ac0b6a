using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Web.Services.Acting;
using AIRisk.Web.Services.Auth;
using AIRisk.Web.Services.Identity;
using AIRisk.Web.Services.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the dashboard: AIRisk.Core, Razor components in interactive server mode, MudBlazor, acting services.</summary>
public static class AIRiskWebServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        return services.AddAIRiskDashboard(configuration);
    }

    /// <summary>What the dashboard's components need, without the hosting (tests render components with this).</summary>
    public static IServiceCollection AddAIRiskDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAIRiskCore(configuration);
        services.AddMudServices();

        services.AddSingleton<UserDirectory>();
        services.AddSingleton<IOperatorIdentity, LocalOperatorIdentity>();
        services.AddScoped<ActingService>();
        services.AddScoped<AuthenticationStateProvider, ActingAuthenticationStateProvider>();
        services.AddAuthorizationCore();

        services.AddScoped<BrowserSession>();
        services.Replace(ServiceDescriptor.Scoped<IAuthorizationFlow>(sp =>
            sp.GetRequiredService<IOptions<AIRiskOptions>>().Value.AuthMode == AuthMode.Browser
                ? ActivatorUtilities.CreateInstance<BrowserAuthorizationFlow>(sp)
                : ActivatorUtilities.CreateInstance<ServerAuthorizationFlow>(sp)));
        return services;
    }
}
