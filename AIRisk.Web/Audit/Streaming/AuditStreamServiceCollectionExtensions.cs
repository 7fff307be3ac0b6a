using AIRisk.Web.Audit.Streaming;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the audit trail's off-host stream: the outbox, a sender per destination (<c>AUDIT_SYSLOG</c>; OTLP with
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), the service that runs them on every node, its lag in <c>/healthz</c> and metrics.
/// </summary>
public static class AuditStreamServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskAuditStream(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddFlatOptions<AuditStreamOptions, AuditStreamOptionsValidator>(o => AuditStreamOptionsBinder.Bind(configuration, o));
        services.AddSingleton(options);
        services.AddSingleton<AuditStreamStatus>();
        services.AddSingleton<AuditStreamMetrics>();
        services.AddSingleton<AuditOutbox>();
        services.AddHealthChecks().AddCheck<AuditStreamHealthCheck>("audit-stream", failureStatus: HealthStatus.Degraded);
        if (options.Syslog is { } syslog)
        {
            // A CA file that cannot be read stops the start (the validator); until then the system's store stands in.
            var trust = options.SyslogCaFile is { } caFile && SyslogTrust.LoadCaFile(caFile).Authorities is { } authorities
                ? new SyslogTrust(authorities)
                : SyslogTrust.System;
            services.AddSingleton<IAuditStreamDestination>(sp =>
                new SyslogAuditDestination(new SyslogSender(syslog, trust, options.SendTimeout, sp.GetRequiredService<ILogger<SyslogSender>>())));
        }

        if (options.OtlpLogs is { } otlp)
        {
            services.AddSingleton(otlp);
            // No resilience handler: a retry here would hide a failure from the outbox, which retries from its cursor.
            services.AddHttpClient(OtlpAuditDestination.HttpClientName, c => c.MaxResponseContentBufferSize = 1 << 20).RemoveAllLoggers();
            services.AddSingleton<IAuditStreamDestination, OtlpAuditDestination>();
        }

        if (options.Enabled)
            services.AddHostedService<AuditStreamService>();
        return services;
    }
}
