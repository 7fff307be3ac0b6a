using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace AIRisk.Sandbox.Endpoints;

/// <summary>
/// The sandbox's own JSON settings, independent of the host app's: ASP.NET web defaults (camelCase), with
/// non-ASCII letters sent as UTF-8 rather than \u escapes, while HTML-significant characters stay escaped.
/// </summary>
internal static class SandboxJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = Encoder };

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };

    /// <summary>Only for the ISO-8601 strings the spec spells out (token expiry); DTO dates go through the serializer.</summary>
    public static string UtcSeconds(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
