using AIRisk.Web.Alerts.Delivery;
using AIRisk.Web.Audit.Streaming;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the alerts' destinations (<c>ALERT_WEBHOOK_URL</c>, <c>SMTP_HOST</c>) as destinations of the audit stream's
/// outbox, and their state for the Alerts page. Needs <c>AddAIRiskAudit</c> (the outbox).
/// </summary>
public static class AlertDeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskAlertDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        var webhook = services.AddFlatOptions<AlertWebhookOptions, AlertWebhookOptionsValidator>(o => AlertWebhookOptionsBinder.Bind(configuration, o));
        var email = services.AddFlatOptions<AlertEmailOptions, AlertEmailOptionsValidator>(o => AlertEmailOptionsBinder.Bind(configuration, o));
        services.AddSingleton<IAlertDeliveryState, AlertDeliveryState>();
        if (webhook.Enabled)
        {
            services.AddSingleton(webhook);
            // No resilience handler: retries belong to the outbox, which keeps the alert until a receiver takes it. No
            // redirects (a 3xx would turn the signed POST into a GET elsewhere) and no cookies. No request logging: a
            // webhook URL's path often holds a token, and the destination logs the receiver's host itself.
            services.AddHttpClient(AlertWebhookDestination.ClientName, (sp, http) => http.Timeout = sp.GetRequiredService<AuditStreamOptions>().SendTimeout)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
                .RemoveAllLoggers();
            services.AddSingleton<IAuditStreamDestination, AlertWebhookDestination>();
        }

        if (email.Enabled)
        {
            services.AddSingleton(email);
            services.AddSingleton<IAuditStreamDestination, AlertEmailDestination>();
        }

        // Runs the outbox even when the audit trail itself is not streamed anywhere (one instance whoever adds it).
        if (webhook.Enabled || email.Enabled)
            services.AddHostedService<AuditStreamService>();
        return services;
    }
}
