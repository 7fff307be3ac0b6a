using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AIRisk.Core.Auth;
using AIRisk.Core.Telemetry;

namespace AIRisk.Core.Api;

/// <summary>
/// Sends one AIRisk call with a Bearer token and, on a 401, once more with a token from a fresh flow (AIRisk has
/// no refresh token). Turns every failure, answered or not, into an <see cref="AIRiskApiException"/>.
/// </summary>
internal sealed class AuthorizedSender(HttpClient http, TimeSpan timeout, ConsoleTelemetry telemetry)
{
    /// <param name="build">Builds the request; called again for the retry, as a sent request cannot be reused.</param>
    /// <param name="token">Gets the token; the flag says the previous one was refused.</param>
    /// <param name="operation">Names the call in error messages.</param>
    /// <param name="completion">When the returned task completes.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> build,
        Func<bool, CancellationToken, Task<AccessToken>> token,
        string operation,
        HttpCompletionOption completion,
        CancellationToken ct)
    {
        var response = await SendOnceAsync(build, await token(false, ct), operation, completion, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return response;

        response.Dispose();
        response = await SendOnceAsync(build, await token(true, ct), operation, completion, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return response;

        using (response)
        {
            var failure = await ErrorResponseReader.ReadAsync(response, operation, ct);
            throw new AIRiskApiException(
                $"{operation} failed: AIRisk refused the token even after signing in again (401).",
                failure.StatusCode, failure.ServerMessage, failure.TraceId);
        }
    }

    /// <summary>Sends, then throws for any non-success answer.</summary>
    public async Task<HttpResponseMessage> SendSuccessfulAsync(
        Func<HttpRequestMessage> build,
        Func<bool, CancellationToken, Task<AccessToken>> token,
        string operation,
        HttpCompletionOption completion,
        CancellationToken ct)
    {
        var response = await SendAsync(build, token, operation, completion, ct);
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await ErrorResponseReader.ReadAsync(response, operation, ct);
    }

    /// <summary>Reads a JSON body and maps it; an HTML page or malformed JSON becomes a clear error.</summary>
    public static Task<T> ReadJsonAsync<T>(HttpResponseMessage response, Func<JsonElement, T> map, string operation, CancellationToken ct) =>
        ReadJsonAsync(response, async (stream, c) =>
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: c);
            return map(document.RootElement);
        }, operation, ct);

    /// <summary>Reads a JSON body with <paramref name="read"/>, for a body too large to go through a JsonDocument first; errors as above.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, Func<Stream, CancellationToken, Task<T>> read, string operation, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
            throw new AIRiskApiException($"{operation} failed: AIRisk answered with an HTML page where JSON was expected.", (int)response.StatusCode, null, null);

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await read(stream, ct);
        }
        catch (JsonException e)
        {
            throw new AIRiskApiException($"{operation} failed: AIRisk's answer was not the JSON expected.", (int)response.StatusCode, null, null, e);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        Func<HttpRequestMessage> build, AccessToken token, string operation, HttpCompletionOption completion, CancellationToken ct)
    {
        using var request = build();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        if (request.Headers.Accept.Count == 0)
            request.Headers.Accept.Add(MediaTypes.Json);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        int? status = null;
        try
        {
            var response = await http.SendAsync(request, completion, ct);
            status = (int)response.StatusCode;
            return response;
        }
        catch (Exception e) when (ErrorResponseReader.IsTransportFailure(e, ct))
        {
            throw ErrorResponseReader.FromTransport(e, operation, timeout);
        }
        finally
        {
            telemetry.ApiCallEnded(ApiCalls.Name(request.RequestUri), status, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }
}
