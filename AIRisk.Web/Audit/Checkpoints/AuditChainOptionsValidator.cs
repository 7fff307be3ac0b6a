using Microsoft.Extensions.Options;

namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// Names every malformed chain key at once. With PostgreSQL outside Development the signing key must be configured
/// (every node signs with the same one; one made on a node's disk would differ per node and vanish with it); the
/// embedded default makes its own. A configured key must be readable as an Ed25519 private key.
/// </summary>
internal sealed class AuditChainOptionsValidator(AuditOptions audit, IHostEnvironment? environment = null) : IValidateOptions<AuditChainOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditChainOptions options)
    {
        List<string> errors = [.. options.BindingErrors];
        var development = environment?.IsDevelopment() ?? false;
        if (options.SigningKeyIsGenerated && audit.UsesPostgres && !development)
        {
            errors.Add($"{AuditOptions.PostgresConnectionKey} is set: set {AuditChainOptions.SigningKeyKey} to the audit checkpoints' Ed25519 signing key (a PEM file, the same on every node; openssl genpkey -algorithm ed25519 -out audit-signing-key.pem).");
        }
        else if (!options.SigningKeyIsGenerated && AuditSigningKey.Problem(options.SigningKeyPath) is { } problem)
        {
            errors.Add($"{AuditChainOptions.SigningKeyKey}: {problem}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
