using System.Buffers;
using System.Text;
using System.Text.Json;
using AIRisk.Sandbox.Data;

namespace AIRisk.Sandbox.Endpoints.Chat;

/// <summary>
/// Writes an AskAgent reply in one of the two formats seen live, flushing after every event so the client gets
/// each piece as it is "generated".
/// </summary>
internal sealed class ReplyStreamWriter(HttpResponse response, StreamFormat format, Guid messageId)
{
    private readonly string _messageId = Ids.Format(messageId);

    public static string ContentType(StreamFormat format) =>
        format == StreamFormat.Sse ? "text/event-stream; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    /// <summary>NdJson: kind 1 (message created). SSE: <c>thread.message.created</c>, which a client must skip.</summary>
    public Task StartAsync(CancellationToken ct) => format == StreamFormat.Sse
        ? WriteEventAsync("thread.message.created", w =>
        {
            w.WriteString("id", _messageId);
            w.WriteString("object", "thread.message");
            w.WriteString("role", "assistant");
        }, ct)
        : WriteLineAsync(w =>
        {
            w.WriteNumber("UpdateKind", 1);
            w.WriteString("MessageId", _messageId);
        }, ct);

    public Task PieceAsync(string text, CancellationToken ct) => format == StreamFormat.Sse
        ? WriteEventAsync("thread.message.delta", w =>
        {
            w.WriteString("id", _messageId);
            w.WriteString("object", "thread.message.delta");
            w.WriteStartObject("delta");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteString("type", "text");
            w.WriteStartObject("text");
            w.WriteString("value", text);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }, ct)
        : WriteLineAsync(w =>
        {
            w.WriteNumber("UpdateKind", 21);
            w.WriteString("Text", text);
        }, ct);

    /// <summary>NdJson: a kind-23 (message completed) line, which a client must skip, then <c>[DONE]</c>.</summary>
    public async Task EndAsync(CancellationToken ct)
    {
        if (format == StreamFormat.Sse)
        {
            await WriteAsync("event: done\ndata: [DONE]\n\n", ct);
            return;
        }
        await WriteLineAsync(w =>
        {
            w.WriteNumber("UpdateKind", 23);
            w.WriteString("MessageId", _messageId);
        }, ct);
        await WriteAsync("[DONE]\n", ct);
    }

    private Task WriteLineAsync(Action<Utf8JsonWriter> properties, CancellationToken ct) =>
        WriteAsync(Json(properties) + "\n", ct);

    private Task WriteEventAsync(string name, Action<Utf8JsonWriter> properties, CancellationToken ct) =>
        WriteAsync($"event: {name}\ndata: {Json(properties)}\n\n", ct);

    private async Task WriteAsync(string text, CancellationToken ct)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await response.Body.FlushAsync(ct);
    }

    private static string Json(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, SandboxJson.WriterOptions))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
