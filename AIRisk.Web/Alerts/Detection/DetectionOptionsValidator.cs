using Microsoft.Extensions.Options;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>Names every malformed detection key at once; every key has a default, so none can be missing.</summary>
internal sealed class DetectionOptionsValidator : IValidateOptions<DetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectionOptions options) =>
        options.BindingErrors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.BindingErrors);
}
