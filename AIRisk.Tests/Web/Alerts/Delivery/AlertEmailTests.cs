using System.Text;
using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Delivery;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace AIRisk.Tests.Web.Alerts.Delivery;

/// <summary>Alert email through the audit stream's outbox, over a real SQLite trail, to an in-process SMTP server.</summary>
public sealed class AlertEmailTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly SimpleSmtpServer _smtp = Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback).WithRandomPort().Build();
    private readonly List<AlertDeliveryNode> _nodes = [];

    [Fact]
    public async Task Each_alert_is_one_plain_text_email_naming_severity_rule_and_staff_with_summary_targets_and_sessions()
    {
        var node = await StartNodeAsync();

        var alert = await node.RecordAlertAsync(AlertSeverity.Critical);

        var mail = (await ReceivedAsync(1))[0];
        Assert.Equal($"[AIRisk alert] CRITICAL fan-out: Ann Staff", mail.Subject);
        Assert.Equal("alerts@console.example", mail.From.Mailboxes.Single().Address);
        Assert.Equal(["sec@example.com", "oncall@example.com"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("text/plain", mail.Body!.ContentType.MimeType);
        Assert.Contains(alert.Summary, mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Zoë Müller (user-1)", mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Bo \"Bobby\" Li (user-2)", mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("  s-1", mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("  s-2", mail.TextBody!, StringComparison.Ordinal);
        Assert.Equal(AlertEmail.MessageIdOf(alert.Id), mail.MessageId);
    }

    [Fact]
    public async Task Records_that_are_not_alerts_are_not_emailed()
    {
        var node = await StartNodeAsync();

        await node.RecordViewsAsync(3);
        var alert = await node.RecordAlertAsync();
        await node.RecordViewsAsync(3);
        var last = await node.RecordAlertAsync();

        var mails = await ReceivedAsync(2);
        // netDumbster's store does not keep the order of arrival.
        Assert.Equal(new[] { alert.Summary, last.Summary }.Order(), mails.Select(m => m.TextBody!.Split('\n')[0].TrimEnd('\r')).Order());
    }

    [Fact]
    public async Task A_mail_server_that_is_down_for_a_while_gets_every_alert_once_it_is_back()
    {
        var node = await StartNodeAsync();
        var port = _smtp.Configuration.Port;
        _smtp.Stop();

        var alerts = new[] { await node.RecordAlertAsync(), await node.RecordAlertAsync() };
        var state = node.Services.GetRequiredService<IAlertDeliveryState>();
        while ((await state.ReadAsync(TestContext.Current.CancellationToken)).Single() is not { Healthy: false, AlertsWaiting: 2 })
            await Task.Delay(50, TestContext.Current.CancellationToken);
        using var back = Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback).WithPort(port).Build();

        var mails = await ReceivedAsync(2, back);
        Assert.Equal(alerts.Select(a => AlertEmail.MessageIdOf(a.Id)).Order(), mails.Select(m => m.MessageId).Order());
    }

    private async Task<AlertDeliveryNode> StartNodeAsync()
    {
        var node = await AlertDeliveryNode.StartAsync(new()
        {
            [AlertEmailOptions.HostKey] = "127.0.0.1",
            [AlertEmailOptions.PortKey] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AlertEmailOptions.TlsKey] = "none",
            [AlertEmailOptions.FromKey] = "AIRisk Console <alerts@console.example>",
            [AlertEmailOptions.ToKey] = "sec@example.com, oncall@example.com",
        });
        _nodes.Add(node);
        return node;
    }

    private async Task<List<MimeMessage>> ReceivedAsync(int count, SimpleSmtpServer? server = null)
    {
        server ??= _smtp;
        var deadline = DateTime.UtcNow + Patience;
        while (server.ReceivedEmailCount < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{server.ReceivedEmailCount} of {count} emails arrived in time.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return [.. server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        _smtp.Dispose();
    }
}
