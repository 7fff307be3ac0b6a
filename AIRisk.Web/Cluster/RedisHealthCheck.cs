using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AIRisk.Web.Cluster;

/// <summary>Redis is the token cache's second level: without it the node still serves (Degraded), with more token calls.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy("Redis connected")
            : HealthCheckResult.Degraded("Redis unreachable: tokens are cached on this node only"));
}
