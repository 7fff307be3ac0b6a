using AIRisk.Web.Alerts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what auditors read alerts with: the store over the trail and the live count for the badge.</summary>
public static class AlertInboxServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskAlertInbox(this IServiceCollection services)
    {
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertFeed>());
        return services;
    }
}
