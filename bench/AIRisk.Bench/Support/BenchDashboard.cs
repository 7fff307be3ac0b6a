using AIRisk.Core.Api;
using AIRisk.Web.Services.Audit;
using AIRisk.Web.Services.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Bench.Support;

/// <summary>
/// The dashboard's services as the app registers them, plus what the app's host adds: the audit trail (SQLite in a
/// scratch folder, or the configured PostgreSQL), Redis when configured, and staff who confirm every prompt, as a
/// benchmark cannot click dialogs.
/// </summary>
internal static class BenchDashboard
{
    public static IServiceCollection AddBenchDashboard(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddScoped<AIRisk.Web.Services.Sessions.ITabSessionStorage, MemoryTabStorage>();
        services.AddAIRiskDashboard(configuration);
        services.AddAIRiskAudit(
            new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection(new Dictionary<string, string?> { [AuditOptions.DataDirectoryKey] = dataDirectory }).Build(),
            dataDirectory);
        services.AddAIRiskRedis(configuration);
        services.AddSingleton<IStaffPrompts, ConfirmingStaff>();
        return services;
    }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("airisk-bench-audit-").FullName;

    private sealed class ConfirmingStaff : IStaffPrompts
    {
        public Task<string?> AskReasonAsync(AIRiskUser target, CancellationToken ct) => Task.FromResult<string?>("benchmark");

        public Task<bool> ConfirmWritesAsync(AIRiskUser target, CancellationToken ct) => Task.FromResult(true);
    }
}
