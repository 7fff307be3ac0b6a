using Microsoft.Extensions.Options;

namespace AIRisk.Web.Audit;

/// <summary>
/// Outside Development, a key ring kept in PostgreSQL must be encrypted with a certificate that can be read. Without a
/// host environment the strict rule applies: no environment is not a development one.
/// </summary>
internal sealed class AuditOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
        KeyRingCertificate.Problem(options, environment?.IsDevelopment() ?? false) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
