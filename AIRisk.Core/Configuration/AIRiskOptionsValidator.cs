using Microsoft.Extensions.Options;

namespace AIRisk.Core.Configuration;

/// <summary>
/// Names every missing or malformed key at once, so a new operator fixes <c>.env</c> in one go.
/// Never echoes <see cref="AIRiskOptions.ClientSecret"/>.
/// </summary>
internal sealed class AIRiskOptionsValidator : IValidateOptions<AIRiskOptions>
{
    public ValidateOptionsResult Validate(string? name, AIRiskOptions options)
    {
        List<string> errors = [.. options.BindingErrors];

        if (options.BaseUrl is null && !errors.Exists(e => e.StartsWith(AIRiskKeys.BaseUrl, StringComparison.Ordinal)))
            errors.Add($"{AIRiskKeys.BaseUrl} is missing.");
        if (string.IsNullOrWhiteSpace(options.ClientId))
            errors.Add($"{AIRiskKeys.ClientId} is missing.");
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
            errors.Add($"{AIRiskKeys.ClientSecret} is missing.");
        if (string.IsNullOrWhiteSpace(options.RedirectUri))
            errors.Add($"{AIRiskKeys.RedirectUri} is missing.");
        else if (!Uri.TryCreate(options.RedirectUri, UriKind.Absolute, out var redirect) || redirect.Scheme is not ("http" or "https"))
            errors.Add($"{AIRiskKeys.RedirectUri} must be an absolute http(s) URL (got '{options.RedirectUri}').");
        if (string.IsNullOrWhiteSpace(options.ListUsersPath))
            errors.Add($"{AIRiskKeys.ListUsersPath} must not be empty.");

        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors);
    }
}
