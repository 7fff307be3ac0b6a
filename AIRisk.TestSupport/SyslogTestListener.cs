using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace AIRisk.TestSupport;

/// <summary>
/// An in-process syslog receiver on a free loopback port, for the faults a real one will not produce on demand:
/// <see cref="SyslogListenerMode.Receive"/> reads octet-counted frames (RFC 6587) into <see cref="Messages"/>;
/// <see cref="SyslogListenerMode.Drop"/> accepts and closes at once; <see cref="SyslogListenerMode.Stall"/> accepts and
/// never reads. <see cref="Stop"/> closes the port (connections are then refused) and <see cref="DisconnectAll"/> closes
/// what is open, as a receiver's restart does. Given a certificate, it speaks TLS.
/// </summary>
public sealed class SyslogTestListener : IAsyncDisposable
{
    private readonly X509Certificate2? _certificate;
    private readonly List<string> _messages = [];
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpListener _listener;

    public SyslogTestListener(X509Certificate2? certificate = null, SyslogListenerMode mode = SyslogListenerMode.Receive)
    {
        _certificate = certificate;
        Mode = mode;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener);
    }

    public int Port { get; }

    public SyslogListenerMode Mode { get; set; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections { get; private set; }

    /// <summary>The messages received so far (without their length prefix), as UTF-8 text.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
                return [.. _messages];
        }
    }

    /// <summary>Closes the port: connecting is refused until <see cref="Restart"/>.</summary>
    public void Stop()
    {
        _listener.Stop();
        DisconnectAll();
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restart()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener);
    }

    /// <summary>Closes every open connection (the receiver restarted), keeping the port open.</summary>
    public void DisconnectAll()
    {
        lock (_clients)
        {
            foreach (var client in _clients)
                client.Dispose();
            _clients.Clear();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Messages.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Messages.Count} of {count} syslog messages arrived within {timeout}.");
            await Task.Delay(20);
        }

        return Messages;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            Connections++;
            if (Mode == SyslogListenerMode.Drop)
            {
                client.Dispose();
                continue;
            }

            lock (_clients)
                _clients.Add(client);
            if (Mode == SyslogListenerMode.Receive)
                _ = ReadAsync(client);
        }
    }

    private async Task ReadAsync(TcpClient client)
    {
        try
        {
            Stream stream = client.GetStream();
            if (_certificate is not null)
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsServerAsync(_certificate);
                stream = tls;
            }

            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, _stop.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                buffer = TakeFrames(buffer);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // The sender went away, the test closed it, or the handshake failed (an untrusted certificate).
        }
    }

    /// <returns>What is left of <paramref name="buffer"/> after its complete frames were taken.</returns>
    private MemoryStream TakeFrames(MemoryStream buffer)
    {
        var bytes = buffer.ToArray();
        var at = 0;
        while (true)
        {
            var space = Array.IndexOf(bytes, (byte)' ', at);
            if (space < 0)
                break;
            var length = int.Parse(Encoding.ASCII.GetString(bytes, at, space - at), CultureInfo.InvariantCulture);
            if (space + 1 + length > bytes.Length)
                break;
            lock (_messages)
                _messages.Add(Encoding.UTF8.GetString(bytes, space + 1, length));
            at = space + 1 + length;
        }

        var rest = new MemoryStream();
        rest.Write(bytes, at, bytes.Length - at);
        return rest;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Stop();
        _stop.Dispose();
    }
}
