using AIRisk.Web.Hosting.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AIRisk.Web.Audit;

/// <summary>
/// Whether the audit trail can be read: switches and writes fail closed without it. Degraded, not Unhealthy: the node
/// still serves its pages and says why a switch fails, where an unhealthy node would be taken out by the load balancer
/// (every node at once, as they share the database) and staff would see the balancer's error page instead.
/// </summary>
internal sealed class AuditHealthCheck(IAuditTrail audit, Chain.AuditChainStatus chain, HealthProbeCache cache) : IHealthCheck
{
    // Through the probe cache as AIRisk's check: a load balancer polling every second per node must not count the
    // whole audit log each time.
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.GetAsync(nameof(AuditHealthCheck), AIRiskHealthCheck.CacheFor, ProbeAsync).WaitAsync(cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync()
    {
        try
        {
            var page = await audit.QueryAsync(new AuditQuery(Take: 1), CancellationToken.None);
            if (chain.Last is { Intact: false } broken)
                return HealthCheckResult.Degraded($"The audit chain is broken: {broken.Breaks[0].KindName} at record {broken.Breaks[0].Seq} ({broken.Breaks.Count} findings; run audit verify).");
            return HealthCheckResult.Healthy($"{page.Total} audit records.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded($"The audit trail cannot be read: {e.GetType().Name}.");
        }
    }
}
