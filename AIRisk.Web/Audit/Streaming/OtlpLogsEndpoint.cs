using System.Text.RegularExpressions;
using AIRisk.Web.Hosting.Telemetry;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// Where the audit stream posts its OTLP log records, read from the OpenTelemetry SDK's own keys so the trail goes
/// where the console's traces and metrics go: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> plus <c>/v1/logs</c> (the OTLP/HTTP
/// rule for a base endpoint), or <c>OTEL_EXPORTER_OTLP_LOGS_ENDPOINT</c> as it is; the headers of
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c> (or <c>OTEL_EXPORTER_OTLP_LOGS_HEADERS</c>), <c>key=value</c> pairs separated by
/// commas with percent-encoded values. Header values are credentials: never logged, never in an error message.
/// </summary>
public sealed partial record OtlpLogsEndpoint(Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public const string LogsEndpointKey = "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT";
    public const string HeadersKey = "OTEL_EXPORTER_OTLP_HEADERS";
    public const string LogsHeadersKey = "OTEL_EXPORTER_OTLP_LOGS_HEADERS";

    /// <returns>
    /// The endpoint, or <c>null</c> when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is unset or a key is malformed (then
    /// <paramref name="problems"/> names it).
    /// </returns>
    public static OtlpLogsEndpoint? Read(IConfiguration configuration, ICollection<string> problems)
    {
        if (Text(configuration, TelemetryOptions.OtlpEndpointKey) is not { } baseText)
            return null;
        var count = problems.Count;
        var baseUrl = HttpUrl(TelemetryOptions.OtlpEndpointKey, baseText, problems);
        var url = Text(configuration, LogsEndpointKey) is { } logsText
            ? HttpUrl(LogsEndpointKey, logsText, problems)
            : baseUrl is null ? null : new Uri(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/v1/logs");
        var headersKey = Text(configuration, LogsHeadersKey) is not null ? LogsHeadersKey : HeadersKey;
        var headers = ParseHeaders(headersKey, Text(configuration, headersKey), problems);
        return problems.Count == count ? new OtlpLogsEndpoint(url!, headers) : null;
    }

    /// <summary>The pairs of <paramref name="text"/>; a malformed one is named by its key only, its value may be a secret.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseHeaders(string key, string? text, ICollection<string> problems)
    {
        List<KeyValuePair<string, string>> headers = [];
        if (text is null)
            return headers;
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? pair[..equals].Trim() : "";
            if (!HeaderName().IsMatch(name))
            {
                problems.Add($"{key} must be name=value pairs separated by commas, each name an HTTP header name (entry {headers.Count + 1} is not).");
                return [];
            }

            headers.Add(new(name, Uri.UnescapeDataString(pair[(equals + 1)..].Trim())));
        }

        return headers;
    }

    /// <summary>The URL without credentials, for logs and <c>/healthz</c>.</summary>
    public override string ToString() => Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    private static Uri? HttpUrl(string key, string text, ICollection<string> problems)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.UserInfo.Length == 0)
            return url;
        // No value in the message: a URL may carry a token in its query.
        problems.Add($"{key} must be an absolute http:// or https:// URL without credentials.");
        return null;
    }

    private static string? Text(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>RFC 9110's token: the characters a header name may hold.</summary>
    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();
}
