using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AIRisk.Core.Api;

/// <summary>
/// Reads AskAgent's reply stream piece by piece in either format AIRisk has used: newline-delimited JSON
/// (<c>{"UpdateKind":21,"Text":"…"}</c>, ending <c>[DONE]</c>) or server-sent events
/// (<c>thread.message.delta</c>, ending <c>event: done</c>). Lines may carry a <c>data: </c> prefix in both.
/// </summary>
public static class AskAgentStreamReader
{
    private const int TextUpdateKind = 21;

    /// <param name="stream">The response body.</param>
    /// <param name="idleTimeout">How long to wait for the next line before calling the reply broken.</param>
    /// <param name="ct">Stops reading.</param>
    public static async IAsyncEnumerable<string> ReadAsync(Stream stream, TimeSpan idleTimeout, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream);
        string? sseEvent = null;

        while (true)
        {
            var line = await ReadLineAsync(reader, idleTimeout, ct);
            if (line is null)
                yield break;
            if (line.Length == 0)
            {
                sseEvent = null;
                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                sseEvent = line[6..].Trim();
                if (sseEvent is "done" or "thread.run.completed")
                    yield break;
                continue;
            }

            if (line.StartsWith(':'))
                continue;

            var data = line.StartsWith("data:", StringComparison.Ordinal) ? line[5..].TrimStart() : line;
            if (data == "[DONE]")
                yield break;

            if (Piece(data, sseEvent) is { Length: > 0 } piece)
                yield return piece;
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, TimeSpan idleTimeout, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await reader.ReadLineAsync(idle.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AIRiskApiException($"The agent's reply stalled: nothing arrived for {idleTimeout.TotalSeconds:0} s.");
        }
        catch (IOException e)
        {
            throw new AIRiskApiException("The agent's reply broke off before it was complete.", e);
        }
        catch (HttpRequestException e)
        {
            throw new AIRiskApiException("The agent's reply broke off before it was complete.", e);
        }
    }

    private static string? Piece(string data, string? sseEvent)
    {
        if (data.Length == 0 || data[0] != '{')
            return null;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException e)
        {
            throw new AIRiskApiException("The agent's reply contained a line that is not JSON.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (JsonFields.TryGet(root, "UpdateKind", out var kind))
                return IsTextKind(kind) ? JsonFields.String(root, "Text") : null;

            if (sseEvent == "thread.message.incomplete" || JsonFields.TryGet(root, "incomplete_details", out _))
            {
                var reason = JsonFields.TryGet(root, "incomplete_details", out var details) ? JsonFields.String(details, "reason") : null;
                throw new AIRiskApiException($"The agent stopped before finishing its reply ({reason ?? "no reason given"}).");
            }

            return DeltaText(root);
        }
    }

    private static bool IsTextKind(JsonElement kind) =>
        (kind.ValueKind == JsonValueKind.Number && kind.TryGetInt32(out var number) && number == TextUpdateKind)
        || (kind.ValueKind == JsonValueKind.String && kind.GetString() is "21" or "MessageUpdate" or "messageUpdate");

    private static string? DeltaText(JsonElement root)
    {
        if (!JsonFields.TryGet(root, "delta", out var delta) || !JsonFields.TryGet(delta, "content", out var content) || content.ValueKind != JsonValueKind.Array)
            return null;

        var text = "";
        foreach (var part in content.EnumerateArray())
        {
            if (JsonFields.TryGet(part, "text", out var textPart))
                text += textPart.ValueKind == JsonValueKind.String ? textPart.GetString() : JsonFields.String(textPart, "value");
        }

        return text;
    }
}
