using AIRisk.Web.Audit;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Cluster;

/// <summary>
/// Tokens in Redis are encrypted with the Data Protection key ring, which nodes share only in PostgreSQL: a node with a
/// key ring of its own could read none of the others' tokens.
/// </summary>
internal sealed class ClusterOptionsValidator(AuditOptions? audit = null) : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options) =>
        options.UsesRedis && audit?.UsesPostgres != true
            ? ValidateOptionsResult.Fail($"{ClusterOptions.RedisConnectionKey} needs {AuditOptions.PostgresConnectionKey}: the nodes must share the Data Protection key ring that encrypts the tokens kept in Redis.")
            : ValidateOptionsResult.Success;
}
