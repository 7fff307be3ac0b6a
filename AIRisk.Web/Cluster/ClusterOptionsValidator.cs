using AIRisk.Web.Audit;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Cluster;

/// <summary>
/// Tokens in Redis are encrypted with the Data Protection key ring, which nodes share only in PostgreSQL: a node with a
/// key ring of its own could read none of the others' tokens.
/// </summary>
internal sealed class ClusterOptionsValidator(AuditOptions? audit = null) : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        if (!options.UsesRedis)
            return ValidateOptionsResult.Success;
        List<string> problems = [];
        if (options.ParseRedis() is null)
            problems.Add($"{ClusterOptions.RedisConnectionKey} is not a StackExchange.Redis configuration string (host:port[,option=value…]); its value is not shown, as it may hold a password.");
        if (audit?.UsesPostgres != true)
            problems.Add($"{ClusterOptions.RedisConnectionKey} needs {AuditOptions.PostgresConnectionKey}: the nodes must share the Data Protection key ring that encrypts the tokens kept in Redis.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
