using AIRisk.Core.Configuration;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>Reads the webhook's keys; a malformed URL is kept for the validator, without its value (it may hold a token).</summary>
internal static class AlertWebhookOptionsBinder
{
    public static void Bind(IConfiguration configuration, AlertWebhookOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        if (values.Text(AlertWebhookOptions.UrlKey) is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0 && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0)
                options.Url = uri;
            else
                options.BindingErrors.Add($"{AlertWebhookOptions.UrlKey} must be an absolute https:// or http:// URL, without credentials or a fragment.");
        }

        // The secret as given: white space inside or around it is part of it, as the receiver will have it.
        options.Secret = string.IsNullOrEmpty(configuration[AlertWebhookOptions.SecretKey]) ? null : configuration[AlertWebhookOptions.SecretKey];
    }
}
