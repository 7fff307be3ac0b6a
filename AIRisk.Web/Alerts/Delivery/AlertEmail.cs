using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AIRisk.Web.Audit;
using MimeKit;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>
/// An alert as a plain-text email: the subject names the severity, the rule and the staff member (what a person
/// triaging an inbox needs first); the body the summary, the targets and the sessions. The Message-ID is derived from
/// the alert's id, so a retry is the same message and mail clients show it once.
/// </summary>
internal static class AlertEmail
{
    /// <param name="json">The record's detail: sent as it is when it does not read as an alert, rather than holding up every later alert.</param>
    public static MimeMessage Of(AuditEntry record, string json, AlertEmailOptions options)
    {
        var alert = Read(record);
        var message = new MimeMessage
        {
            Subject = alert is null ? $"[AIRisk alert] unreadable alert (audit record {record.Seq})" : Subject(alert),
            Date = record.AtUtc,
            MessageId = MessageIdOf(alert?.Id ?? record.Seq.ToString(CultureInfo.InvariantCulture)),
            Body = new TextPart("plain") { Text = alert is null ? json : Body(alert) },
        };
        message.From.Add(MailboxAddress.Parse(options.From!));
        message.To.AddRange(options.To.Select(MailboxAddress.Parse));
        return message;
    }

    /// <summary>A Message-ID from the alert's id, hashed: an id may hold characters a Message-ID may not.</summary>
    public static string MessageIdOf(string alertId) =>
        $"alert-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(alertId)))[..32]}@airisk-console";

    private static Alert? Read(AuditEntry record)
    {
        try
        {
            return AlertRecord.FromEntry(record);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Subject(Alert alert) =>
        $"[AIRisk alert] {Severity(alert.Severity)} {alert.Rule}: {alert.Staff.Name}";

    public static string Body(Alert alert)
    {
        var body = new StringBuilder()
            .AppendLine(alert.Summary)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Severity: {Severity(alert.Severity)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Rule:     {alert.Rule}")
            .AppendLine(CultureInfo.InvariantCulture, $"Staff:    {alert.Staff.Name} ({alert.Staff.Id})")
            .AppendLine(CultureInfo.InvariantCulture, $"At:       {alert.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Targets ({alert.Targets.Count}):");
        foreach (var target in alert.Targets)
            body.AppendLine(CultureInfo.InvariantCulture, $"  {target.Name} ({target.Id})");
        body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Sessions ({alert.Sessions.Count}):");
        foreach (var session in alert.Sessions)
            body.AppendLine(CultureInfo.InvariantCulture, $"  {session}");
        return body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Alert {alert.Id}; triage it on the console's Alerts page.").ToString();
    }

    private static string Severity(AlertSeverity severity) => severity.ToString().ToUpperInvariant();
}
