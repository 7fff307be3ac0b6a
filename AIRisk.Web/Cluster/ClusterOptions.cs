namespace AIRisk.Web.Cluster;

/// <summary>How the nodes of a cluster share tokens: through Redis when <c>REDIS_CONNECTION</c> is set.</summary>
public sealed class ClusterOptions
{
    public const string RedisConnectionKey = "REDIS_CONNECTION";

    /// <summary>A StackExchange.Redis configuration string; <c>null</c> for a single node.</summary>
    public string? RedisConnection { get; set; }

    public bool UsesRedis => !string.IsNullOrWhiteSpace(RedisConnection);
}
