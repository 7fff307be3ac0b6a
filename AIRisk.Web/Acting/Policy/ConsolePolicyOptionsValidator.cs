using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting.Policy;

/// <summary>Names every malformed policy key at once; every key has a default, so none can be missing.</summary>
internal sealed class ConsolePolicyOptionsValidator : IValidateOptions<ConsolePolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsolePolicyOptions options) =>
        options.BindingErrors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.BindingErrors);
}
