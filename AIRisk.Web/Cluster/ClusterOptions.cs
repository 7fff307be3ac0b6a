using StackExchange.Redis;

namespace AIRisk.Web.Cluster;

/// <summary>How the nodes of a cluster share tokens: through Redis when <c>REDIS_CONNECTION</c> is set.</summary>
public sealed class ClusterOptions
{
    public const string RedisConnectionKey = "REDIS_CONNECTION";

    /// <summary>A StackExchange.Redis configuration string; <c>null</c> for a single node.</summary>
    public string? RedisConnection { get; set; }

    public bool UsesRedis => !string.IsNullOrWhiteSpace(RedisConnection);

    /// <summary>
    /// The parsed connection, or <c>null</c> when it does not parse: the validator then names the key alone (the
    /// library's message quotes the offending part, which may be a password).
    /// </summary>
    public ConfigurationOptions? ParseRedis()
    {
        try
        {
            return UsesRedis ? ConfigurationOptions.Parse(RedisConnection!) : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return null;
        }
    }
}
