namespace AIRisk.Web.Alerts.Delivery;

/// <summary>The mail server alerts are sent through (<c>SMTP_*</c>) and who receives them.</summary>
public sealed class AlertEmailOptions
{
    public const string HostKey = "SMTP_HOST";
    public const string PortKey = "SMTP_PORT";
    public const string FromKey = "SMTP_FROM";
    public const string ToKey = "SMTP_TO";
    public const string UsernameKey = "SMTP_USERNAME";
    public const string PasswordKey = "SMTP_PASSWORD";
    public const string TlsKey = "SMTP_TLS";

    /// <summary>The mail server; <c>null</c> when alerts are not emailed.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port; by default the one <see cref="Tls"/> implies (587, 465 or 25).</summary>
    public int Port { get; set; }

    public SmtpTls Tls { get; set; } = SmtpTls.StartTls;

    public string? From { get; set; }

    /// <summary>Every recipient of every alert (<c>SMTP_TO</c>, comma-separated).</summary>
    public IReadOnlyList<string> To { get; set; } = [];

    /// <summary>With <see cref="Password"/>, the account the server is logged in to; none: the server relays without.</summary>
    public string? Username { get; set; }

    /// <summary>Never logged, never in an error message.</summary>
    public string? Password { get; set; }

    public bool Enabled => Host is not null;

    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
