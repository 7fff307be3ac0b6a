using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AIRisk.Sandbox;
using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Sandbox;

public sealed class AskAgentTests
{
    private const string Question = "Can I paste client data into a chatbot?";

    [Fact]
    public async Task NdJson_stream_sends_several_text_pieces_then_DONE()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);

        var lines = await AskAsync(sandbox, token, conversationId);

        Assert.Equal(1, JsonSerializer.Deserialize<JsonElement>(lines[0]).GetProperty("UpdateKind").GetInt32());
        var pieces = Pieces(lines);
        Assert.True(pieces.Count >= 5, $"{pieces.Count} pieces");
        Assert.Contains("【4:0†source】", string.Concat(pieces), StringComparison.Ordinal);
        Assert.Equal("[DONE]", lines[^1]);
    }

    [Fact]
    public async Task Sse_stream_sends_several_delta_events_then_done()
    {
        await using var sandbox = await SandboxClient.StartAsync(o => o.StreamFormat = StreamFormat.Sse);
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);

        var lines = await AskAsync(sandbox, token, conversationId);

        var deltas = lines.Select((line, i) => (line, i)).Where(x => x.line == "event: thread.message.delta")
            .Select(x => JsonSerializer.Deserialize<JsonElement>(lines[x.i + 1]["data: ".Length..])
                .GetProperty("delta").GetProperty("content")[0].GetProperty("text").GetProperty("value").GetString())
            .ToList();
        Assert.True(deltas.Count >= 5, $"{deltas.Count} pieces");
        Assert.Equal(["event: done", "data: [DONE]"], lines.Where(l => l.Length > 0).TakeLast(2));
    }

    [Fact]
    public async Task With_a_late_store_the_reply_is_missing_right_after_the_stream_and_stored_later()
    {
        await using var sandbox = await SandboxClient.StartAsync(o => o.StoreReplyAfterStream = TimeSpan.FromMilliseconds(400));
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);
        var before = await MessageCountAsync(sandbox, token, conversationId);

        var lines = await AskAsync(sandbox, token, conversationId);
        var rightAfter = await MessageCountAsync(sandbox, token, conversationId);
        await Task.Delay(TimeSpan.FromMilliseconds(800), SandboxClient.Ct);

        Assert.Equal("[DONE]", lines[^1]);
        Assert.Equal(before, rightAfter);
        Assert.Equal(before + 2, await MessageCountAsync(sandbox, token, conversationId));
    }

    private static async Task<int> MessageCountAsync(SandboxClient sandbox, string token, string conversationId)
    {
        using var conversation = await sandbox.GetJsonAsync($"api/Chat/GetConversation/{conversationId}", token);
        return conversation.RootElement.GetProperty("messages").GetArrayLength();
    }

    [Fact]
    public async Task Question_and_answer_are_in_the_conversation_when_the_stream_ends()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);
        var lines = await AskAsync(sandbox, token, conversationId);
        var answerId = JsonSerializer.Deserialize<JsonElement>(lines[0]).GetProperty("MessageId").GetString();

        using var conversation = await sandbox.GetJsonAsync($"api/Chat/GetConversation/{conversationId}", token);

        var messages = conversation.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("User", messages[^2].GetProperty("messageType").GetString());
        Assert.Equal(Question, messages[^2].GetProperty("text").GetString());
        Assert.Equal("AI", messages[^1].GetProperty("messageType").GetString());
        Assert.Equal(answerId, messages[^1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Same_question_gets_the_same_answer()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);
        var first = Text(await AskAsync(sandbox, token, conversationId));

        var second = Text(await AskAsync(sandbox, token, conversationId));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Stream_is_not_frozen_by_a_fake_clock()
    {
        await using var sandbox = await SandboxClient.StartAsync(time: new FakeTimeProvider());
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);

        var lines = await AskAsync(sandbox, token, conversationId);

        Assert.Equal("[DONE]", lines[^1]);
    }

    [Fact]
    public async Task BreakStream_fault_aborts_the_reply_after_a_few_pieces()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);
        sandbox.State.Faults.FailNext("/api/Chat/AskAgent", 1, FaultKind.BreakStream);
        var received = new List<string>();

        var failure = await Record.ExceptionAsync(() => AskAsync(sandbox, token, conversationId, received));

        Assert.IsType<IOException>(failure, exactMatch: false);
        Assert.Contains(received, l => l.Contains("\"UpdateKind\":21", StringComparison.Ordinal));
        Assert.DoesNotContain("[DONE]", received);
    }

    private static async Task<List<string>> AskAsync(SandboxClient sandbox, string token, string conversationId, List<string>? lines = null)
    {
        lines ??= [];
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/Chat/AskAgent")
        {
            Content = JsonContent.Create(new { conversationID = conversationId, text = Question }),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await sandbox.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, SandboxClient.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(SandboxClient.Ct), Encoding.UTF8);
        while (await reader.ReadLineAsync(SandboxClient.Ct) is { } line)
            lines.Add(line);
        return lines;
    }

    private static string Text(List<string> lines) => string.Concat(Pieces(lines));

    private static List<string> Pieces(List<string> lines) =>
    [
        .. lines
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonSerializer.Deserialize<JsonElement>(l))
            .Where(e => e.GetProperty("UpdateKind").GetInt32() == 21)
            .Select(e => e.GetProperty("Text").GetString()!),
    ];
}
