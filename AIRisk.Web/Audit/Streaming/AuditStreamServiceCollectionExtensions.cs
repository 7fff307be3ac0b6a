using AIRisk.Web.Audit.Streaming;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the audit trail's off-host stream (<c>AUDIT_SYSLOG</c>; OTLP with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
public static class AuditStreamServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskAuditStream(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddFlatOptions<AuditStreamOptions, AuditStreamOptionsValidator>(o => AuditStreamOptionsBinder.Bind(configuration, o));
        services.AddSingleton(options);
        return services;
    }
}
