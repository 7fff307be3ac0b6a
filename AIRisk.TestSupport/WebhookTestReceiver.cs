using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIRisk.TestSupport;

/// <summary>
/// A webhook receiver in-process (Kestrel on 127.0.0.1, a free port): every request to any path is kept in
/// <see cref="Received"/> with its headers and body bytes, and answered with <see cref="Answer"/>'s status (200 unless
/// told otherwise). <see cref="StopAsync"/> closes the port (connections are refused) and <see cref="RestartAsync"/>
/// listens again on the same one, as a receiver that is down for a while.
/// </summary>
public sealed class WebhookTestReceiver : IAsyncDisposable
{
    private readonly List<ReceivedWebhook> _received = [];
    private WebApplication? _app;

    private WebhookTestReceiver()
    {
    }

    public int Port { get; private set; }

    /// <summary>Where to POST: <c>http://127.0.0.1:port/hooks/alerts</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/hooks/alerts");

    /// <summary>The status to answer a request with, given its body (as UTF-8); <c>null</c>: 200.</summary>
    public Func<string, int>? Answer { get; set; }

    /// <summary>Every request so far, answered or refused, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
                return [.. _received];
        }
    }

    /// <summary>The requests answered with a 2xx status: the ones the sender may count as taken.</summary>
    public IReadOnlyList<ReceivedWebhook> Taken => [.. Received.Where(r => r.Answered is >= 200 and < 300)];

    public static async Task<WebhookTestReceiver> StartAsync(CancellationToken ct = default)
    {
        var receiver = new WebhookTestReceiver();
        await receiver.ListenAsync(0, ct);
        return receiver;
    }

    /// <summary>Closes the port: connecting is refused until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Listens again on the same port.</summary>
    public Task RestartAsync(CancellationToken ct = default) => ListenAsync(Port, ct);

    /// <summary>Waits until <paramref name="condition"/> holds for what was received.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Received))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The webhook receiver's condition did not hold within {timeout} ({Received.Count} requests received).");
            await Task.Delay(20);
        }

        return Received;
    }

    private async Task ListenAsync(int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.Run(ReceiveAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Port = new Uri(address).Port;
        _app = app;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        var status = Answer?.Invoke(System.Text.Encoding.UTF8.GetString(bytes)) ?? StatusCodes.Status200OK;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_received)
            _received.Add(new ReceivedWebhook(context.Request.Method, headers, bytes, status, DateTimeOffset.UtcNow));
        context.Response.StatusCode = status;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
