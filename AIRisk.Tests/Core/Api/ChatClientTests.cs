using System.Text;
using AIRisk.Core.Api;
using AIRisk.Sandbox;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Core.Api;

public sealed class ChatClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_the_acting_users_agents()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = await ActingCircuitAsync(harness, 3);

        var agents = await circuit.Get<AIRiskChatClient>().ListAgentsAsync(Ct);

        Assert.InRange(agents.Count, 1, 4);
        Assert.All(agents, a => Assert.False(string.IsNullOrWhiteSpace(a.Name)));
    }

    [Fact]
    public async Task Pages_through_conversations_until_an_empty_page()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = await ActingCircuitAsync(harness, 3);
        var chat = circuit.Get<AIRiskChatClient>();

        var all = new List<ConversationSummary>();
        for (var page = 1; ; page++)
        {
            var items = await chat.ListConversationsAsync(new ConversationQuery(page, PageSize: 2), Ct);
            if (items.Count == 0)
                break;
            all.AddRange(items);
        }

        Assert.True(all.Count >= 2);
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Filters_conversations_by_agent()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = await ActingCircuitAsync(harness, 3);
        var chat = circuit.Get<AIRiskChatClient>();
        var agent = (await chat.ListAgentsAsync(Ct))[0];

        var conversations = await chat.ListConversationsAsync(new ConversationQuery(AgentId: agent.Id, PageSize: 100), Ct);

        Assert.All(conversations, c => Assert.Equal(agent.Id, c.AgentId));
    }

    [Fact]
    public async Task Opening_a_conversation_hides_System_messages_and_strips_citation_markers()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = await ActingCircuitAsync(harness, 3);
        var chat = circuit.Get<AIRiskChatClient>();
        var summary = (await chat.ListConversationsAsync(new ConversationQuery(), Ct))[0];

        var conversation = await chat.GetConversationAsync(summary.Id, Ct);

        Assert.NotEmpty(conversation.Messages);
        Assert.DoesNotContain(conversation.Messages, m => m.Role == MessageRole.System);
        Assert.DoesNotContain(conversation.Messages, m => m.Text.Contains('【', StringComparison.Ordinal));
        Assert.Contains(conversation.Messages, m => m.Role == MessageRole.User);
        Assert.Contains(conversation.Messages, m => m.Role == MessageRole.AI);
    }

    [Theory]
    [InlineData(StreamFormat.NdJson)]
    [InlineData(StreamFormat.Sse)]
    public async Task Asking_an_agent_streams_the_reply_in_pieces_and_stores_it(StreamFormat format)
    {
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.StreamFormat = format);
        await using var circuit = await ActingCircuitAsync(harness, 3);
        var chat = circuit.Get<AIRiskChatClient>();
        var agent = (await chat.ListAgentsAsync(Ct))[0];
        var conversation = await chat.CreateConversationAsync("Quarterly review", agent.Id, Ct);

        var pieces = new List<string>();
        await foreach (var piece in chat.AskAgentAsync(conversation.Id, "What is our AI policy?", Ct))
            pieces.Add(piece);
        var stored = await chat.GetConversationAsync(conversation.Id, Ct);

        Assert.True(pieces.Count >= 2, $"expected several pieces, got {pieces.Count}");
        Assert.Equal("What is our AI policy?", stored.Messages.First(m => m.Role == MessageRole.User).Text);
        Assert.Equal(MessageText.StripCitationMarkers(string.Concat(pieces)).Trim(), stored.Messages.Last(m => m.Role == MessageRole.AI).Text.Trim());
    }

    [Fact]
    public async Task A_reply_stream_that_breaks_off_is_reported()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = await ActingCircuitAsync(harness, 3);
        var chat = circuit.Get<AIRiskChatClient>();
        var conversation = (await chat.ListConversationsAsync(new ConversationQuery(), Ct))[0];
        harness.State.Faults.FailNext("/api/Chat/AskAgent", 1, FaultKind.BreakStream);

        var error = await Assert.ThrowsAsync<AIRiskApiException>(async () =>
        {
            await foreach (var _ in chat.AskAgentAsync(conversation.Id, "hello", Ct))
            {
            }
        });

        Assert.Contains("broke off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_is_stored_on_the_message()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = await ActingCircuitAsync(harness, 3);
        var chat = circuit.Get<AIRiskChatClient>();
        var summary = (await chat.ListConversationsAsync(new ConversationQuery(), Ct))[0];
        var reply = (await chat.GetConversationAsync(summary.Id, Ct)).Messages.Last(m => m.Role == MessageRole.AI);

        await chat.SubmitFeedbackAsync(summary.Id, reply.Id!, Feedback.Dislike, Ct);

        var updated = (await chat.GetConversationAsync(summary.Id, Ct)).Messages.Single(m => m.Id == reply.Id);
        Assert.Equal(Feedback.Dislike, updated.Feedback);
    }

    [Fact]
    public async Task Attaching_a_file_shows_it_in_the_conversation()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = await ActingCircuitAsync(harness, 3);
        var chat = circuit.Get<AIRiskChatClient>();
        var summary = (await chat.ListConversationsAsync(new ConversationQuery(), Ct))[0];

        await chat.AttachFileAsync(summary.Id, "policy-2025.pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7")), Ct);

        var conversation = await chat.GetConversationAsync(summary.Id, Ct);
        Assert.Contains(conversation.Messages, m => m.FileName == "policy-2025.pdf");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_sending()
    {
        await using var harness = await CoreHarness.StartAsync(settings: s => s["AIRISK_MAX_UPLOAD_MB"] = "1");
        await using var circuit = await ActingCircuitAsync(harness, 3);
        var chat = circuit.Get<AIRiskChatClient>();
        var apiCalls = harness.State.Requests.Count(RequestKind.Api);

        var error = await Assert.ThrowsAsync<AIRiskApiException>(() => chat.AttachFileAsync("any", "big.bin", new MemoryStream(new byte[2 * 1024 * 1024]), Ct));

        Assert.Contains("larger than the 1 MB", error.Message, StringComparison.Ordinal);
        Assert.Equal(apiCalls, harness.State.Requests.Count(RequestKind.Api));
    }

    [Fact]
    public async Task Another_users_conversation_is_not_found()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var owner = await ActingCircuitAsync(harness, 3);
        var theirs = (await owner.Get<AIRiskChatClient>().ListConversationsAsync(new ConversationQuery(), Ct))[0];
        await using var other = await ActingCircuitAsync(harness, 4);

        var error = await Assert.ThrowsAsync<AIRiskApiException>(() => other.Get<AIRiskChatClient>().GetConversationAsync(theirs.Id, Ct));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task AIRisks_message_that_ends_a_sentence_is_quoted_without_a_second_full_stop()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = await ActingCircuitAsync(harness, 3);
        // Three: the first try and both retries of a GET.
        harness.State.Faults.FailNext("/api/Chat/ListAgents", 3, FaultKind.Problem, 500);

        var error = await Assert.ThrowsAsync<AIRiskApiException>(() => circuit.Get<AIRiskChatClient>().ListAgentsAsync(Ct));

        Assert.Equal("Loading agents failed: AIRisk answered 500 \"An error occurred while processing your request.\"", error.Message);
    }

    private static async Task<CoreHarness.Circuit> ActingCircuitAsync(CoreHarness harness, int userIndex)
    {
        var circuit = harness.NewCircuit();
        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(userIndex), Ct);
        return circuit;
    }
}
