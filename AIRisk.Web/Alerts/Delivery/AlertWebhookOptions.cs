namespace AIRisk.Web.Alerts.Delivery;

/// <summary>Where alerts are POSTed (<c>ALERT_WEBHOOK_URL</c>) and the secret that signs each one (<c>ALERT_WEBHOOK_SECRET</c>).</summary>
public sealed class AlertWebhookOptions
{
    public const string UrlKey = "ALERT_WEBHOOK_URL";
    public const string SecretKey = "ALERT_WEBHOOK_SECRET";

    /// <summary>A receiver can only trust the signature as far as it cannot guess the secret.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>The receiver; <c>null</c> when alerts are not sent to a webhook.</summary>
    public Uri? Url { get; set; }

    /// <summary>The HMAC-SHA256 key of <c>X-AIRisk-Signature</c>, as UTF-8. Never logged, never in an error message.</summary>
    public string? Secret { get; set; }

    public bool Enabled => Url is not null;

    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
