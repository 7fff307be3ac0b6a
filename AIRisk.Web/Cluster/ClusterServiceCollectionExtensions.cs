using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Web.Cluster;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// With <c>REDIS_CONNECTION</c>: Redis is the token cache's second level, so a token fetched on one node serves every
/// node; tokens are encrypted before they reach it and keys are hashed; a refused token is dropped on every node
/// (pub/sub). Redis down: each node carries on with its own memory, <c>/healthz</c> Degraded. Unset: nothing changes.
/// </summary>
public static class ClusterServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var cluster = services.AddFlatOptions<ClusterOptions, ClusterOptionsValidator>(o => o.RedisConnection = configuration[ClusterOptions.RedisConnectionKey]);
        // Unset, or not parseable (the start-up check names it and the app does not start).
        if (cluster.ParseRedis() is not { } redisOptions)
            return services;

        // A node must start, and keep serving, while Redis is down.
        redisOptions.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        services.AddSingleton<IDistributedCache>(sp => ActivatorUtilities.CreateInstance<TolerantDistributedCache>(sp,
            new RedisCache(Options.Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
            }))));
        services.AddHybridCache().AddSerializer<AccessToken, ProtectedTokenSerializer>();
        services.PostConfigure<AIRiskOptions>(o => o.ShareTokensAcrossNodes = true);
        services.AddSingleton<RedisTokenEvictions>();
        services.Replace(ServiceDescriptor.Singleton<ITokenEvictions>(sp => sp.GetRequiredService<RedisTokenEvictions>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisTokenEvictions>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus: Diagnostics.HealthChecks.HealthStatus.Degraded);
        return services;
    }
}
