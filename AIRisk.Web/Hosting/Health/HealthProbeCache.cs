using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AIRisk.Web.Hosting.Health;

/// <summary>Keeps each probe's last result for a while: a load balancer polling <c>/healthz</c> costs AIRisk nothing extra.</summary>
internal sealed class HealthProbeCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Task<HealthCheckResult> Result)> _results = new();

    public Task<HealthCheckResult> GetAsync(string probe, TimeSpan keepFor, Func<Task<HealthCheckResult>> run)
    {
        var now = time.GetUtcNow();
        var entry = _results.AddOrUpdate(
            probe,
            _ => (now, run()),
            (_, cached) => now - cached.At < keepFor && !cached.Result.IsFaulted && !cached.Result.IsCanceled ? cached : (now, run()));
        return entry.Result;
    }
}
