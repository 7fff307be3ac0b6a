using System.Text;
using OpenTelemetry;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// The trail as OTLP log records, POSTed as OTLP/JSON to the collector's <c>/v1/logs</c>
/// (<see cref="OtlpLogsEndpoint"/>). Not through the OpenTelemetry SDK's log exporter: it batches in memory and drops
/// what fails, so it cannot tell the outbox what the collector took. Here one POST is one batch of the outbox, and its
/// answer (<see cref="OtlpExportAnswer"/>) decides whether the cursor moves. The HTTP client has no retry handler:
/// the outbox retries, with its backoff, from its cursor.
/// </summary>
internal sealed partial class OtlpAuditDestination(
    IHttpClientFactory clients, OtlpLogsEndpoint endpoint, AuditStreamOptions options, ILogger<OtlpAuditDestination> logger) : IAuditStreamDestination
{
    public const string HttpClientName = "audit-otlp";

    public string Name => "otlp";

    public async Task SendAsync(IReadOnlyList<AuditStreamItem> items, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.SendTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(OtlpLogsRequest.ToJson(items), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in endpoint.Headers)
            request.Headers.TryAddWithoutValidation(name, value);

        string? problem;
        try
        {
            // A span per batch would send the trail's traffic to the collector a second time, as traces.
            using var quiet = SuppressInstrumentationScope.Begin();
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            problem = OtlpExportAnswer.Problem(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            problem = e is OperationCanceledException ? $"no answer within {options.SendTimeout.TotalSeconds:0.#} s" : e.Message;
        }

        if (problem is null)
            return;
        LogSendFailed(endpoint, problem);
        throw new AuditStreamUnavailableException($"{endpoint}: {problem}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit stream could not send to the OTLP endpoint {Endpoint}: {Reason}")]
    private partial void LogSendFailed(OtlpLogsEndpoint endpoint, string reason);
}
