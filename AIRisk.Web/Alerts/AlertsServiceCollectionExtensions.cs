using AIRisk.Web.Alerts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers what alerts need once raised: the store auditors read and triage them in, the live count for the badge,
/// and their destinations beyond the page (<c>AddAIRiskAlertDelivery</c>). The rules that raise them come with the
/// dashboard (<c>AddAIRiskDetection</c>). Needs <c>AddAIRiskAudit</c>.
/// </summary>
public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertFeed>());
        return services.AddAIRiskAlertDelivery(configuration);
    }
}
