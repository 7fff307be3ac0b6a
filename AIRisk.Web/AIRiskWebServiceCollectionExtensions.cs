using MudBlazor.Services;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the dashboard: AIRisk.Core, Razor components in interactive server mode, MudBlazor.</summary>
public static class AIRiskWebServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAIRiskCore(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }
}
