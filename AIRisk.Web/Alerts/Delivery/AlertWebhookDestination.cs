using System.Net.Http.Headers;
using System.Text;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>
/// The alert webhook as a destination of the audit stream's outbox (stream <c>webhook</c>): one signed POST per alert,
/// its body the alert record's detail byte for byte, so every retry carries the same <c>id</c> and the same body
/// (with a fresh <c>t</c>). Other records only move the cursor. A 2xx answer is the receiver taking the alert; any other
/// answer, a redirect, no answer within the send timeout or no connection is not, and the outbox sends it again after
/// its backoff, forever. The stream starts at the end of the trail (<see cref="AuditStreamStart.Now"/>): a receiver
/// configured today is not sent last year's alerts.
/// </summary>
internal sealed partial class AlertWebhookDestination(
    IHttpClientFactory clients, AlertWebhookOptions options, TimeProvider time, ILogger<AlertWebhookDestination> logger) : IAuditStreamDestination
{
    public const string ClientName = "alert-webhook";

    public string Name => "webhook";

    public bool SendsCheckpoints => false;

    public AuditStreamStart Start => AuditStreamStart.Now;

    /// <summary>The receiver as errors and logs name it: scheme, host and port only, since a webhook's path often holds a token.</summary>
    private string Receiver => options.Url!.GetLeftPart(UriPartial.Authority);

    public async Task SendAsync(IReadOnlyList<AuditStreamItem> items, CancellationToken ct)
    {
        var http = clients.CreateClient(ClientName);
        foreach (var (index, _, json) in AlertItems.Of(items))
        {
            var problem = await PostAsync(http, json, ct);
            if (problem is not null)
            {
                LogNotTaken(Receiver, items[index].Seq, problem);
                throw new AuditStreamUnavailableException($"{Receiver}: {problem}", null, AlertItems.TakenBefore(items, index));
            }
        }
    }

    /// <returns>Why the receiver did not take the alert, or <c>null</c> when it did.</returns>
    private async Task<string?> PostAsync(HttpClient http, string json, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(AlertWebhookSignature.HeaderName, AlertWebhookSignature.Header(options.Secret!, time.GetUtcNow(), body));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError} ({e.Message})";
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {http.Timeout.TotalSeconds:0.#} s";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert webhook {Receiver} did not take the alert of record {Seq}: {Reason}")]
    private partial void LogNotTaken(string receiver, long seq, string reason);
}
