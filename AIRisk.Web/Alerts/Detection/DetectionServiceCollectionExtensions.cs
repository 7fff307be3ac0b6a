using AIRisk.Web.Alerts.Detection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the detection rules (README, "Detection rules"): their keys, the rules, the detector the acting switch
/// and the acting audit call, and the audit-health watch on every node. The rules read the audit trail, which
/// <c>AddAIRiskAudit</c> registers; <see cref="IProtectedTargets"/> is the acting policy's.
/// </summary>
public static class DetectionServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskDetection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddFlatOptions<DetectionOptions, DetectionOptionsValidator>(o => DetectionOptionsBinder.Bind(configuration, o));
        // Also a plain service, as the rules read it: the app does not start unless it is valid.
        services.AddSingleton(options);
        services.AddSingleton<IDetectionFacts, DetectionFacts>();
        services.AddSingleton<FanOutRule>();
        services.AddSingleton<SensitiveTargetRule>();
        services.AddSingleton<OffHoursRule>();
        services.AddSingleton<ProbingRule>();
        services.AddSingleton<ReadVolumeRule>();
        services.AddSingleton<AuditHealthRule>();
        services.AddSingleton<AlertRaiser>();
        services.AddSingleton<Detector>();
        services.AddHostedService<AuditHealthWatch>();
        return services;
    }
}
