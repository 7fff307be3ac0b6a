using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace AIRisk.Core.Api;

/// <summary>
/// Turns a non-success AIRisk response into an <see cref="AIRiskApiException"/> whose message a person can act on:
/// text/plain bodies and problem+json titles are quoted, HTML error pages are named as such.
/// </summary>
internal static partial class ErrorResponseReader
{
    private const int MaxBodyChars = 4096;
    private const int MaxQuotedChars = 200;

    public static async Task<AIRiskApiException> ReadAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var body = await ReadBodyAsync(response, ct);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var (serverMessage, traceId) = Interpret(mediaType, body);

        var summary = serverMessage is null
            ? $"{operation} failed: AIRisk answered {status} {Reason(response.StatusCode)}."
            : $"{operation} failed: AIRisk answered {status} {InQuotes(serverMessage)}";
        if (IsHtml(mediaType, body))
            summary = $"{operation} failed: AIRisk answered {status} with an HTML error page{(serverMessage is null ? "." : $": {InQuotes(serverMessage)}")}";

        return new AIRiskApiException(summary, status, serverMessage, traceId);
    }

    /// <summary>
    /// A call that got no answer: the network, a timeout (the client's own, not the caller's cancellation), or the
    /// circuit breaker refusing to try. Anything else is a bug or an answer, and is not turned into "could not be reached".
    /// </summary>
    public static bool IsTransportFailure(Exception e, CancellationToken ct) =>
        e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
        || (e is TaskCanceledException && !ct.IsCancellationRequested);

    /// <summary>Maps what can go wrong before any answer (timeout, unreachable host, broken connection).</summary>
    public static AIRiskApiException FromTransport(Exception exception, string operation, TimeSpan timeout) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException =>
            new AIRiskApiException($"{operation} failed: AIRisk did not answer within {timeout.TotalSeconds:0} s.", null, null, null, exception),
        Polly.CircuitBreaker.BrokenCircuitException =>
            new AIRiskApiException($"{operation} failed: AIRisk has been failing, so calls are paused for a few seconds.", null, null, null, exception),
        JsonException =>
            new AIRiskApiException($"{operation} failed: AIRisk's answer was not the JSON expected.", null, null, null, exception),
        _ => new AIRiskApiException($"{operation} failed: AIRisk could not be reached ({exception.Message}).", null, null, null, exception),
    };

    /// <summary>AIRisk's own words in quotes, ending the sentence with its punctuation, or a full stop if it has none.</summary>
    private static string InQuotes(string message) => Sentence.End($"\"{message}\"");

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            return text.Length > MaxBodyChars ? text[..MaxBodyChars] : text;
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    private static (string? Message, string? TraceId) Interpret(string mediaType, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (null, null);

        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    var root = document.RootElement;
                    var message = Text(root, "title") ?? Text(root, "detail") ?? Text(root, "error_description") ?? Text(root, "error") ?? Text(root, "message");
                    return (Quote(message), Text(root, "traceId"));
                }
            }
            catch (JsonException)
            {
                // Not JSON after all; fall through and quote it as text.
            }
        }

        if (IsHtml(mediaType, body))
            return (Quote(HtmlTitle().Match(body) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null), null);

        return (Quote(body), null);
    }

    private static bool IsHtml(string mediaType, string body) =>
        mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)
        || body.TrimStart().StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
        || body.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Quote(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        // AIRisk's words reach logs, the screen and the audit trail's error column: no control or direction characters (a
        // forged log line, a reversed name), and no token it may have echoed back.
        var singleLine = WhiteSpace().Replace(text.Trim(), " ");
        var printable = string.Concat(singleLine.Select(c => char.IsControl(c) || IsDirectionControl(c) ? '?' : c));
        var redacted = Credential().Replace(printable, "[redacted]");
        return redacted.Length > MaxQuotedChars ? redacted[..MaxQuotedChars] + "…" : redacted;
    }

    // Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the implicit marks.
    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';

    private static string Reason(HttpStatusCode status) => ReasonPhrases.GetReasonPhrase((int)status);

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlTitle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>A JWT (three base64url parts, the first a JSON header) or a value after <c>Bearer</c>.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|(?<=\bBearer )\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
