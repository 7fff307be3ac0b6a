using Microsoft.Extensions.Options;

namespace AIRisk.Web.Approvals;

/// <summary>Names every malformed approval key at once; every key has a default, so none can be missing.</summary>
internal sealed class ApprovalOptionsValidator : IValidateOptions<ApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalOptions options) =>
        options.BindingErrors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.BindingErrors);
}
