using System.Globalization;
using System.Net;
using System.Text.Json;
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
/// An in-process OTLP/HTTP receiver for JSON logs (Kestrel on a free loopback port): <c>POST /v1/logs</c> with an
/// <c>ExportLogsServiceRequest</c>. It reads the request as strictly as the OTLP spec writes it (lowerCamelCase names,
/// 64-bit integers as decimal strings, enums as numbers, <c>application/json</c>), so a sender that bends the encoding
/// is answered 400 and named in <see cref="Violations"/>. <see cref="AnswerNext"/> scripts the next answers (a 400, a
/// 503, a partial success); <see cref="StopAsync"/> and <see cref="RestartAsync"/> take it down and up on the same port.
/// </summary>
public sealed class OtlpTestReceiver : IAsyncDisposable
{
    public const string LogsPath = "/v1/logs";

    private readonly List<ReceivedOtlpLogRecord> _records = [];
    private readonly List<string> _violations = [];
    private readonly Queue<ScriptedAnswer> _answers = new();
    private WebApplication? _app;
    private int _requests;

    private OtlpTestReceiver()
    {
    }

    public int Port { get; private set; }

    /// <summary>The base endpoint, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names it (without <c>/v1/logs</c>).</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Log records the receiver took, in the order they arrived (duplicates included).</summary>
    public IReadOnlyList<ReceivedOtlpLogRecord> Records
    {
        get
        {
            lock (_records)
                return [.. _records];
        }
    }

    /// <summary>How the requests broke the OTLP/JSON encoding; empty for a sender that follows it.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_records)
                return [.. _violations];
        }
    }

    /// <summary>Requests received so far, however they were answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The headers of the last request.</summary>
    public IReadOnlyDictionary<string, string> LastHeaders { get; private set; } = new Dictionary<string, string>();

    public static async Task<OtlpTestReceiver> StartAsync(CancellationToken ct = default)
    {
        var receiver = new OtlpTestReceiver();
        receiver._app = await receiver.ListenAsync(0, ct);
        // Restart listens on this port again, where the sender is pointed.
        receiver.Port = new Uri(receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;
        return receiver;
    }

    /// <summary>
    /// Answers the next <paramref name="times"/> requests with <paramref name="status"/> and <paramref name="body"/>
    /// (JSON); with <paramref name="keepRecords"/> their records are taken all the same (a partial success that stored
    /// the rest). With <paramref name="appliesTo"/>, only requests whose records match it are answered so.
    /// </summary>
    public void AnswerNext(int times, int status, string body, bool keepRecords = false, Func<IReadOnlyList<ReceivedOtlpLogRecord>, bool>? appliesTo = null)
    {
        lock (_answers)
        {
            for (var i = 0; i < times; i++)
                _answers.Enqueue(new ScriptedAnswer(status, body, keepRecords, appliesTo ?? (_ => true)));
        }
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

    public async Task RestartAsync(CancellationToken ct = default)
    {
        await StopAsync();
        _app = await ListenAsync(Port, ct);
    }

    /// <summary>Waits until the records taken satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<ReceivedOtlpLogRecord>> WaitForAsync(Func<IReadOnlyList<ReceivedOtlpLogRecord>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Records))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The OTLP receiver's {Records.Count} records did not do within {timeout}; violations: {string.Join("; ", Violations)}");
            await Task.Delay(20);
        }

        return Records;
    }

    private async Task<WebApplication> ListenAsync(int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost(LogsPath, ReceiveAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private async Task ReceiveAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        LastHeaders = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        List<ReceivedOtlpLogRecord> records;
        try
        {
            if (http.Request.ContentType?.Split(';')[0].Trim() != "application/json")
                throw new FormatException($"content type {http.Request.ContentType}, not application/json");
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            records = Read(document.RootElement);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            lock (_records)
                _violations.Add(e.Message);
            await AnswerAsync(http, 400, JsonSerializer.Serialize(new { code = 3, message = e.Message }));
            return;
        }

        ScriptedAnswer? scripted = null;
        lock (_answers)
        {
            if (_answers.TryPeek(out var next) && next.AppliesTo(records))
                scripted = _answers.Dequeue();
        }

        if (scripted is null || scripted.KeepRecords)
        {
            lock (_records)
                _records.AddRange(records);
        }

        await AnswerAsync(http, scripted?.Status ?? 200, scripted?.Body ?? "{}");
    }

    private static async Task AnswerAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body, http.RequestAborted);
    }

    private static List<ReceivedOtlpLogRecord> Read(JsonElement request)
    {
        List<ReceivedOtlpLogRecord> records = [];
        foreach (var resourceLogs in request.GetProperty("resourceLogs").EnumerateArray())
        {
            var resource = Attributes(resourceLogs.GetProperty("resource"));
            var service = resource.GetValueOrDefault("service.name") as string;
            foreach (var scopeLogs in resourceLogs.GetProperty("scopeLogs").EnumerateArray())
            {
                var scope = scopeLogs.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var name) ? name.GetString() : null;
                foreach (var record in scopeLogs.GetProperty("logRecords").EnumerateArray())
                {
                    var severity = record.GetProperty("severityNumber");
                    if (severity.ValueKind != JsonValueKind.Number)
                        throw new FormatException("severityNumber must be a number (an enum is written as its integer)");
                    var body = record.GetProperty("body");
                    records.Add(new ReceivedOtlpLogRecord(
                        service, scope, Int64(record.GetProperty("timeUnixNano"), "timeUnixNano"), severity.GetInt32(),
                        record.TryGetProperty("severityText", out var text) ? text.GetString() : null,
                        body.GetProperty("stringValue").GetString()!, Attributes(record),
                        record.TryGetProperty("eventName", out var eventName) ? eventName.GetString() : null));
                }
            }
        }

        return records;
    }

    private static Dictionary<string, object> Attributes(JsonElement owner)
    {
        Dictionary<string, object> attributes = [];
        if (!owner.TryGetProperty("attributes", out var list))
            return attributes;
        foreach (var attribute in list.EnumerateArray())
        {
            var key = attribute.GetProperty("key").GetString()!;
            var value = attribute.GetProperty("value");
            attributes[key] = value.EnumerateObject().Single() switch
            {
                { Name: "stringValue", Value: var v } => v.GetString()!,
                { Name: "intValue", Value: var v } => Int64(v, $"attribute {key}"),
                { Name: "boolValue", Value: var v } => v.GetBoolean(),
                { Name: "doubleValue", Value: var v } => v.GetDouble(),
                var other => throw new FormatException($"attribute {key} has a {other.Name}, not a scalar AnyValue"),
            };
        }

        return attributes;
    }

    /// <summary>OTLP/JSON writes every 64-bit integer as a decimal string.</summary>
    private static long Int64(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{what} must be a 64-bit integer as a decimal string (got {value.GetRawText()})");

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed record ScriptedAnswer(int Status, string Body, bool KeepRecords, Func<IReadOnlyList<ReceivedOtlpLogRecord>, bool> AppliesTo);
}
