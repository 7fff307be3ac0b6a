using System.Globalization;
using System.Text.Json;

namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// A checkpoint as one line of JSON, as the stream sends it and <c>audit verify --checkpoints FILE</c> reads it:
/// <c>{"seq":1000,"hash":"…64 hex…","at":"2026-12-07T03:29:01.123456Z","key":"…16 hex…","sig":"…base64…"}</c>.
/// </summary>
public static class AuditCheckpointLine
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Format(AuditCheckpoint checkpoint)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", checkpoint.Seq);
            json.WriteString("hash", checkpoint.Hash);
            json.WriteString("at", new DateTime(checkpoint.AtUtcTicks, DateTimeKind.Utc).ToString(TimeFormat, CultureInfo.InvariantCulture));
            json.WriteString("key", checkpoint.KeyId);
            json.WriteString("sig", checkpoint.Signature);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <exception cref="FormatException">The line is not a checkpoint.</exception>
    public static AuditCheckpoint Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var at = DateTime.ParseExact(root.GetProperty("at").GetString()!, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return new AuditCheckpoint(root.GetProperty("seq").GetInt64(), root.GetProperty("hash").GetString()!, at.Ticks,
                root.GetProperty("key").GetString()!, root.GetProperty("sig").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"Not a checkpoint line: {e.Message}", e);
        }
    }
}
