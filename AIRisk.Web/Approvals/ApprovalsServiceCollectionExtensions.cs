using AIRisk.Web.Approvals;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers a second person for the exceptions (README, "Approvals"): the keys, the rule, the store in the audit
/// database, the live feed approvers watch, and per circuit the requester's gate and the approver's desk. Needs
/// <c>AddAIRiskAudit</c> and <c>AddAIRiskDetection</c> (break-glass raises an alert).
/// </summary>
public static class ApprovalsServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFlatOptions<ApprovalOptions, ApprovalOptionsValidator>(o => ApprovalOptionsBinder.Bind(configuration, o));
        services.AddSingleton<ApprovalRule>();
        services.AddSingleton<IApprovalStore, ApprovalStore>();
        services.AddSingleton<ApprovalAudit>();
        services.AddSingleton<ApprovalFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ApprovalFeed>());
        services.AddScoped<ApprovalGate>();
        services.AddScoped<ApprovalDesk>();
        return services;
    }
}
