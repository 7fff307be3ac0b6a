using AIRisk.Core.Api;
using AIRisk.TestSupport;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AIRisk.Bench.Support;

/// <summary>
/// What a benchmark puts in place of the browser and of the staff member, over the dashboard's services
/// (<c>AddHostlessDashboard</c>): the tab's session id in memory, and staff who confirm every prompt, as a benchmark
/// cannot click dialogs.
/// </summary>
internal static class BenchDashboard
{
    public static IServiceCollection AddBenchStandIns(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Scoped<ITabSessionStorage, MemoryTabStorage>());
        services.Replace(ServiceDescriptor.Singleton<IStaffPrompts, ConfirmingStaff>());
        return services;
    }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("airisk-bench-audit-").FullName;

    private sealed class ConfirmingStaff : IStaffPrompts
    {
        public Task<ActAsGrounds?> AskGroundsAsync(GroundsQuestion question, CancellationToken ct) => Task.FromResult<ActAsGrounds?>(question.Filled with { Reason = "benchmark" });

        public Task<bool> ConfirmWritesAsync(AIRiskUser target, CancellationToken ct) => Task.FromResult(true);
    }
}
