using System.Text;
using AIRisk.Core.Api;

namespace AIRisk.Tests.Core.Api;

public sealed class AskAgentStreamReaderTests
{
    [Fact]
    public async Task Reads_text_updates_from_newline_delimited_JSON_and_ignores_other_kinds()
    {
        var pieces = await ReadAsync("""
            {"UpdateKind":1,"MessageId":"m1"}
            {"UpdateKind":21,"Text":"Hello"}
            data: {"UpdateKind":21,"Text":", world"}
            {"UpdateKind":7}
            [DONE]
            {"UpdateKind":21,"Text":"after done"}
            """);

        Assert.Equal(["Hello", ", world"], pieces);
    }

    [Fact]
    public async Task Reads_text_deltas_from_server_sent_events()
    {
        var pieces = await ReadAsync("""
            event: thread.message.delta
            data: {"delta":{"content":[{"text":{"value":"Hel"}}]}}

            event: thread.message.delta
            data: {"delta":{"content":[{"text":{"value":"lo"}}]}}

            event: done
            data: [DONE]

            """);

        Assert.Equal(["Hel", "lo"], pieces);
    }

    [Fact]
    public async Task An_incomplete_message_event_is_reported_with_its_reason()
    {
        var error = await Assert.ThrowsAsync<AIRiskApiException>(() => ReadAsync("""
            event: thread.message.incomplete
            data: {"incomplete_details":{"reason":"max_tokens"}}

            """));

        Assert.Contains("max_tokens", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReadAsync(string body)
    {
        var pieces = new List<string>();
        await foreach (var piece in AskAgentStreamReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken))
            pieces.Add(piece);
        return pieces;
    }
}
