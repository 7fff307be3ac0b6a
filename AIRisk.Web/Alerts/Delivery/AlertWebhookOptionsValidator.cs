using Microsoft.Extensions.Options;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>A webhook URL needs its secret, and a secret its URL; neither value is ever part of the message.</summary>
internal sealed class AlertWebhookOptionsValidator : IValidateOptions<AlertWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertWebhookOptions options)
    {
        List<string> problems = [.. options.BindingErrors];
        var urlSet = options.Url is not null || options.BindingErrors.Count > 0;
        if (urlSet && options.Secret is null)
            problems.Add($"{AlertWebhookOptions.SecretKey} is required with {AlertWebhookOptions.UrlKey}: every alert is signed with it.");
        else if (options.Secret is { } secret && secret.Length < AlertWebhookOptions.MinimumSecretLength)
            problems.Add($"{AlertWebhookOptions.SecretKey} must be at least {AlertWebhookOptions.MinimumSecretLength} characters (e.g. openssl rand -hex 32).");
        if (!urlSet && options.Secret is not null)
            problems.Add($"{AlertWebhookOptions.SecretKey} is set but {AlertWebhookOptions.UrlKey} is not: alerts would go nowhere.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
