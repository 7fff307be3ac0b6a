using Microsoft.Extensions.Options;

namespace AIRisk.Web.Audit;

/// <summary>
/// Outside Development, a key ring kept in PostgreSQL must be encrypted with a certificate that can be read. Without a
/// host environment (tools, tests) the certificate is checked only when one is set.
/// </summary>
internal sealed class AuditOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
        KeyRingCertificate.Problem(options, environment?.IsDevelopment() ?? true) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
