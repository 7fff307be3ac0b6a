using Microsoft.Extensions.Options;

namespace AIRisk.Web.Hosting.Telemetry;

/// <summary>Names a malformed telemetry switch instead of leaving its exporter silently off.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
        options.BindingErrors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.BindingErrors);
}
