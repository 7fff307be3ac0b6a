using System.Net.Sockets;
using AIRisk.Web.Audit.Streaming;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>
/// Alert email as a destination of the audit stream's outbox (stream <c>email</c>): each alert of a batch is one
/// message to <c>SMTP_TO</c>, over one connection per batch; other records only move the cursor. The server accepting
/// a message is the destination taking it; a refusal, no connection, a failed TLS handshake or login, or no answer
/// within the send timeout is not, and the outbox sends the alert again after its backoff. Starts at the end of the
/// trail, as the webhook does.
/// </summary>
internal sealed partial class AlertEmailDestination(AlertEmailOptions options, AuditStreamOptions stream, ILogger<AlertEmailDestination> logger)
    : IAuditStreamDestination
{
    public string Name => "email";

    public bool SendsCheckpoints => false;

    public AuditStreamStart Start => AuditStreamStart.Now;

    private string Server => $"{options.Host}:{options.Port}";

    public async Task SendAsync(IReadOnlyList<AuditStreamItem> items, CancellationToken ct)
    {
        var alerts = AlertItems.Of(items).ToList();
        if (alerts.Count == 0)
            return;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var smtp = new SmtpClient { Timeout = (int)stream.SendTimeout.TotalMilliseconds };
        var sending = alerts[0].Index;
        try
        {
            deadline.CancelAfter(stream.SendTimeout);
            await smtp.ConnectAsync(options.Host!, options.Port, Security(options.Tls), deadline.Token);
            if (options.Username is { } username)
                await smtp.AuthenticateAsync(username, options.Password!, deadline.Token);
            foreach (var (index, record, json) in alerts)
            {
                sending = index;
                deadline.CancelAfter(stream.SendTimeout);
                await smtp.SendAsync(AlertEmail.Of(record, json, options), deadline.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or CommandException or MailKit.Security.AuthenticationException
            or TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var why = e is OperationCanceledException ? $"no answer within {stream.SendTimeout.TotalSeconds:0.#} s" : e.Message;
            LogNotTaken(Server, items[sending].Seq, why);
            throw new AuditStreamUnavailableException($"{Server}: {why}", e, AlertItems.TakenBefore(items, sending));
        }

        await QuitAsync(smtp, ct);
    }

    /// <summary>Says goodbye; every message was accepted already, so a server that hangs up first changes nothing.</summary>
    private async Task QuitAsync(SmtpClient smtp, CancellationToken ct)
    {
        try
        {
            await smtp.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or CommandException)
        {
            LogQuitFailed(Server, e.Message);
        }
    }

    private static SecureSocketOptions Security(SmtpTls tls) => tls switch
    {
        SmtpTls.Tls => SecureSocketOptions.SslOnConnect,
        SmtpTls.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert email: {Server} did not take QUIT after accepting every message: {Reason}")]
    private partial void LogQuitFailed(string server, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert email through {Server} did not go out for the alert of record {Seq}: {Reason}")]
    private partial void LogNotTaken(string server, long seq, string reason);
}
