using AIRisk.Core.Configuration;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>Reads <c>SMTP_*</c>; every malformed value is kept for the validator.</summary>
internal static class AlertEmailOptionsBinder
{
    private static readonly Dictionary<string, SmtpTls> TlsChoices = new()
    {
        ["starttls"] = SmtpTls.StartTls,
        ["tls"] = SmtpTls.Tls,
        ["none"] = SmtpTls.None,
    };

    public static void Bind(IConfiguration configuration, AlertEmailOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        options.Host = values.Text(AlertEmailOptions.HostKey);
        options.Tls = values.Choice(AlertEmailOptions.TlsKey, SmtpTls.StartTls, TlsChoices);
        var implied = options.Tls switch { SmtpTls.Tls => 465, SmtpTls.None => 25, _ => 587 };
        options.Port = values.WholeNumber(AlertEmailOptions.PortKey, implied, 1, 65_535);
        options.From = values.Text(AlertEmailOptions.FromKey);
        options.To = values.Text(AlertEmailOptions.ToKey) is { } to
            ? [.. to.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [];
        options.Username = values.Text(AlertEmailOptions.UsernameKey);
        options.Password = string.IsNullOrEmpty(configuration[AlertEmailOptions.PasswordKey]) ? null : configuration[AlertEmailOptions.PasswordKey];
    }
}
