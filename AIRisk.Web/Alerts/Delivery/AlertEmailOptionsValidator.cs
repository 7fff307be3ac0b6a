using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>
/// With <c>SMTP_HOST</c>: a sender and at least one recipient, each a valid address; a user name and password together;
/// no password sent in clear to another host. Without it, any other <c>SMTP_*</c> key is a mistake worth naming.
/// </summary>
internal sealed class AlertEmailOptionsValidator : IValidateOptions<AlertEmailOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertEmailOptions options)
    {
        List<string> problems = [.. options.BindingErrors];
        if (!options.Enabled)
        {
            if (options.From is not null || options.To.Count > 0 || options.Username is not null || options.Password is not null)
                problems.Add($"{AlertEmailOptions.HostKey} is required with the other SMTP_* keys: without it no alert is emailed.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }

        if (options.From is null)
            problems.Add($"{AlertEmailOptions.FromKey} is required with {AlertEmailOptions.HostKey}.");
        else if (!MailboxAddress.TryParse(options.From, out _))
            problems.Add($"{AlertEmailOptions.FromKey} must be an email address (got '{options.From}').");
        if (options.To.Count == 0)
            problems.Add($"{AlertEmailOptions.ToKey} is required with {AlertEmailOptions.HostKey}: one or more addresses, comma-separated.");
        foreach (var to in options.To.Where(t => !MailboxAddress.TryParse(t, out _)))
            problems.Add($"{AlertEmailOptions.ToKey} must hold only email addresses (got '{to}').");
        if ((options.Username is null) != (options.Password is null))
            problems.Add($"{AlertEmailOptions.UsernameKey} and {AlertEmailOptions.PasswordKey} go together.");
        if (options.Password is not null && options.Tls == SmtpTls.None && !IsLoopback(options.Host!))
            problems.Add($"{AlertEmailOptions.PasswordKey} would cross the network in clear with {AlertEmailOptions.TlsKey}=none: use starttls or tls.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
