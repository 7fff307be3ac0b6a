using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// Writes octet-counted syslog frames to one receiver over TCP or TLS, on one connection kept open between batches.
/// A batch counts as sent once the write and flush completed: syslog over TCP has no acknowledgement, so that is the
/// most a sender can know. Before each batch the connection is checked: a receiver never sends anything, so a socket
/// with something to read has been closed by the receiver (a restart) and is replaced instead of swallowing the batch.
/// Any failure closes the connection; the caller sends the batch again later.
/// </summary>
internal sealed partial class SyslogSender(SyslogDestination destination, SyslogTrust trust, TimeSpan timeout, ILogger<SyslogSender> logger) : IAsyncDisposable
{
    private TcpClient? _client;
    private Stream? _stream;

    public SyslogDestination Destination => destination;

    public async Task SendAsync(IReadOnlyList<byte[]> frames, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var stream = await OpenAsync(deadline.Token);
            // One buffer per batch: one write (and, over TLS, few records) instead of one per message.
            await stream.WriteAsync(frames.SelectMany(f => f).ToArray(), deadline.Token);
            await stream.FlushAsync(deadline.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or ObjectDisposedException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await CloseAsync();
            var why = e is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : e.Message;
            LogSendFailed(destination, why);
            throw new AuditStreamUnavailableException($"{destination}: {why}", e);
        }
    }

    private async Task<Stream> OpenAsync(CancellationToken ct)
    {
        if (_stream is not null && _client is { Connected: true } client && !client.Client.Poll(0, SelectMode.SelectRead))
            return _stream;
        await CloseAsync();
        _client = new TcpClient { NoDelay = true };
        await _client.ConnectAsync(destination.Host, destination.Port, ct);
        Stream stream = _client.GetStream();
        if (destination.Tls)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors));
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = destination.Host }, ct);
            stream = tls;
        }

        _stream = stream;
        LogConnected(destination);
        return stream;
    }

    private async Task CloseAsync()
    {
        if (_stream is not null)
            await _stream.DisposeAsync();
        _client?.Dispose();
        (_stream, _client) = (null, null);
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit stream connected to {Destination}")]
    private partial void LogConnected(SyslogDestination destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit stream could not send to {Destination}: {Reason}")]
    private partial void LogSendFailed(SyslogDestination destination, string reason);
}
