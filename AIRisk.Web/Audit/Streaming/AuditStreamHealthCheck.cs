using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// Degraded when a stream's oldest undelivered record is older than <c>AUDIT_STREAM_LAG_DEGRADED_SECONDS</c>: the
/// records are safe in the outbox, but the SIEM does not have them. Never Unhealthy: the node serves on.
/// </summary>
internal sealed class AuditStreamHealthCheck(AuditStreamStatus status, AuditStreamOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lags = status.Lags;
        if (lags.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy("No audit stream configured, or not measured yet."));
        var late = lags.Where(l => l.OldestUndelivered > options.LagDegradedAfter).ToList();
        var summary = string.Join("; ", lags.Select(Describe));
        return Task.FromResult(late.Count == 0 ? HealthCheckResult.Healthy(summary) : HealthCheckResult.Degraded(summary));
    }

    private static string Describe(AuditStreamLag lag) =>
        $"{lag.Stream}: {lag.Behind} behind, oldest undelivered {lag.OldestUndelivered.TotalSeconds:0} s" + (lag.LastError is { } error ? $", last error: {error}" : "");
}
