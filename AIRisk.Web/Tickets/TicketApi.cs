using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AIRisk.Web.Tickets;

/// <summary>
/// One call to a ticket system's REST API with its basic authentication, every failure turned into a
/// <see cref="TicketSystemException"/> whose message names the system, the ticket and the problem, never the token
/// and never the response body (it may echo the request). No retries here: a read is retried by staff, a note by the
/// audit stream's outbox.
/// </summary>
internal sealed class TicketApi(IHttpClientFactory clients, TicketOptions options, string system, string credentials)
{
    public const string ClientName = "tickets";

    private readonly AuthenticationHeaderValue _authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

    public string System => system;

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> (relative to the instance's root) with an optional JSON body.</summary>
    /// <param name="doing">What the console was doing, for the message: <c>reading ticket 123</c>.</param>
    /// <returns>
    /// The answer's JSON; <c>null</c> when <paramref name="notFoundIsNull"/> and the answer was 404, or for a write
    /// (a body is sent): its 2xx is the ticket system taking it, whatever it answers with, so a note is never sent again
    /// for an answer the console did not need.
    /// </returns>
    public async Task<JsonDocument?> SendAsync(HttpMethod method, string path, object? body, string doing, string ticket, CancellationToken ct, bool notFoundIsNull = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.Url!, path));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
            request.Content = JsonContent.Create(body);

        var http = clients.CreateClient(ClientName);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
                return null;
            if (!response.IsSuccessStatusCode)
                throw Refused(response, doing, ticket);
            return body is null ? await ReadJsonAsync(response, doing, ct) : null;
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TicketSystemException(TicketProblem.Unavailable, $"{system} did not answer within {http.Timeout.TotalSeconds:0.#} s while {doing}.", e);
        }
        catch (HttpRequestException e)
        {
            var why = e.HttpRequestError == HttpRequestError.Unknown ? "no connection" : e.HttpRequestError.ToString();
            throw new TicketSystemException(TicketProblem.Unavailable, $"{system} could not be reached ({why}) while {doing}.", e);
        }
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string doing, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw Malformed(doing, e);
        }
    }

    public TicketSystemException Malformed(string doing, Exception? inner = null) =>
        new(TicketProblem.Malformed, $"{system} sent an answer that is not its documented JSON while {doing}.", inner);

    private TicketSystemException Refused(HttpResponseMessage response, string doing, string ticket)
    {
        var code = (int)response.StatusCode;
        return code switch
        {
            401 or 403 => new(TicketProblem.Unauthorized, $"{system} refused the console's API account ({code}) while {doing}: check its email and API token, and that it may see ticket {ticket}."),
            404 => new(TicketProblem.NotFound, $"{system} has no ticket {ticket} (or the console's API account may not see it)."),
            429 => new(TicketProblem.RateLimited, $"{system} is limiting the console's requests (429) while {doing}; {RetryAfter(response)}."),
            >= 500 => new(TicketProblem.Unavailable, $"{system} is unavailable ({code} {response.ReasonPhrase}) while {doing}."),
            _ => new(TicketProblem.Malformed, $"{system} answered {code} {response.ReasonPhrase} unexpectedly while {doing}."),
        };
    }

    private static string RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => $"try again in {Math.Ceiling(delta.TotalSeconds):0} s",
        { Date: { } date } => $"try again after {date.UtcDateTime:HH:mm:ss} UTC",
        _ => "try again in a moment",
    };
}
