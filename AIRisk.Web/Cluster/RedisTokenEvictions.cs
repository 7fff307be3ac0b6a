using AIRisk.Core.Auth;
using Microsoft.Extensions.Caching.Hybrid;
using StackExchange.Redis;

namespace AIRisk.Web.Cluster;

/// <summary>
/// Drops a refused token on every node within a moment: the node that dropped it publishes its (hashed) key on a Redis
/// channel, and each node removes that key from its own memory. HybridCache has no backplane of its own; Redis
/// pub/sub, which the cache's connection already provides, is the smallest one.
/// </summary>
internal sealed partial class RedisTokenEvictions(IConnectionMultiplexer redis, HybridCache cache, ILogger<RedisTokenEvictions> logger)
    : ITokenEvictions, IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("airisk:token-evicted");

    /// <summary>This node, in its own messages: it already dropped the token, and may hold the next one by now.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");

    public async ValueTask PublishAsync(string key, CancellationToken ct)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, $"{_node}|{key}");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis is down: the other nodes keep the token until AIRisk refuses it to them too (then they drop it).
            LogPublishFailed(e.Message);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, Evict);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // A node starts without Redis too (its own memory only); the connection subscribes again once Redis is back.
            LogPublishFailed(e.Message);
        }
    }

    // This node's memory only: HybridCache's RemoveAsync would clear Redis too, where the node that published may
    // already have stored the token AIRisk issued next (every node would then fetch one of its own). A marker written
    // to this node's memory alone replaces the refused token; whoever reads it reads past this node's memory to Redis
    // (TokenProvider), and it is gone within the minute anyway.
    private void Evict(RedisChannel channel, RedisValue message)
    {
        var (from, key) = (message.ToString().Split('|', 2) is [var node, var k] ? (node, k) : ("", message.ToString()));
        if (from != _node)
            _ = cache.SetAsync(key, AccessToken.Dropped, LocalOnly).AsTask();
    }

    private static readonly HybridCacheEntryOptions LocalOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableDistributedCacheWrite,
        LocalCacheExpiration = TimeSpan.FromMinutes(1),
    };

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(Channel);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogPublishFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes of a dropped token: {Reason}")]
    private partial void LogPublishFailed(string reason);
}
