using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// Whether an OTLP/HTTP receiver took a whole batch. Only a 2xx whose body is empty or an
/// <c>ExportLogsServiceResponse</c> without rejected records is taken; a partial success is not (the outbox cannot
/// resend part of a batch, so it resends all of it: at least once). Anything else is not taken either, 400 included,
/// which OTLP calls not retryable: the outbox never drops a record, it keeps trying and <c>/healthz</c> shows why.
/// A 2xx with some other body (an HTML page from a proxy) is refused too: it proves nothing was stored.
/// </summary>
public static class OtlpExportAnswer
{
    /// <summary>How much of a receiver's message goes into the outbox's last error (and <c>/healthz</c>).</summary>
    private const int MessageLength = 200;

    /// <returns><c>null</c> when the receiver took every record, otherwise why it did not.</returns>
    public static string? Problem(HttpStatusCode status, string? mediaType, string body)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var json = mediaType is "application/json" ? TryParse(body) : null;
        if ((int)status is < 200 or > 299)
        {
            // OTLP answers a failure with a google.rpc.Status: its message says what was wrong.
            var message = json is { ValueKind: JsonValueKind.Object } failure && failure.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()
                : null;
            return $"answered {code} {status}" + (string.IsNullOrWhiteSpace(message) ? "" : $": {Cut(message)}");
        }

        if (body.Length == 0)
            return null;
        if (json is not { ValueKind: JsonValueKind.Object } response)
            return $"answered {code} with a body that is not an OTLP/JSON response ({mediaType ?? "no content type"})";
        if (!response.TryGetProperty("partialSuccess", out var partial) || partial.ValueKind != JsonValueKind.Object)
            return null;
        var rejected = partial.TryGetProperty("rejectedLogRecords", out var count) ? Int64(count) : 0;
        if (rejected == 0)
            return null;
        var error = partial.TryGetProperty("errorMessage", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return $"rejected {(rejected is { } n ? n.ToString(CultureInfo.InvariantCulture) : "some")} log records"
            + (string.IsNullOrWhiteSpace(error) ? "" : $": {Cut(error)}");
    }

    private static JsonElement? TryParse(string body)
    {
        if (body.Length == 0)
            return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <returns>The count (OTLP/JSON writes int64 as a string; a number is accepted too), or <c>null</c> when unreadable.</returns>
    private static long? Int64(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        JsonValueKind.Null => 0,
        _ => null,
    };

    private static string Cut(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= MessageLength ? line : line[..MessageLength] + "…";
    }
}
