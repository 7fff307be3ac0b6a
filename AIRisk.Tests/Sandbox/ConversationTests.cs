using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Sandbox;

public sealed class ConversationTests
{
    [Fact]
    public async Task Conversations_page_with_skip_and_results()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        await CreateAsync(sandbox, token, await FirstAgentIdAsync(sandbox, token), "Make sure there are at least three");
        using var all = await sandbox.GetJsonAsync("api/Chat/GetConversations?results=100", token);

        using var page = await sandbox.GetJsonAsync("api/Chat/GetConversations?skip=1&results=2", token);

        Assert.Equal(Ids(all).Skip(1).Take(2), Ids(page));
    }

    [Fact]
    public async Task Conversations_are_listed_newest_first()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var created = await CreateAsync(sandbox, token, await FirstAgentIdAsync(sandbox, token), "Just now");

        using var conversations = await sandbox.GetJsonAsync("api/Chat/GetConversations", token);

        Assert.Equal(created, Ids(conversations)[0]);
        var updated = conversations.RootElement.EnumerateArray().Select(c => c.GetProperty("lastUpdated").GetDateTimeOffset()).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
    }

    [Fact]
    public async Task Skipping_past_the_end_gives_an_empty_page()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);

        using var page = await sandbox.GetJsonAsync("api/Chat/GetConversations?skip=1000", token);

        Assert.Equal(0, page.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Conversations_filtered_by_agent_belong_to_that_agent()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var agentId = await FirstAgentIdAsync(sandbox, token);
        var created = await CreateAsync(sandbox, token, agentId, "Filter me");

        using var conversations = await sandbox.GetJsonAsync($"api/Chat/GetConversations/{agentId}?results=100", token);

        Assert.Contains(created, Ids(conversations));
        Assert.All(conversations.RootElement.EnumerateArray(), c => Assert.Equal(agentId, c.GetProperty("botID").GetString()));
    }

    [Theory]
    [InlineData("zx-98")]
    [InlineData("QUARTERLY")]
    public async Task Metadatasearch_matches_title_or_metadata_in_any_case(string search)
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var created = await CreateAsync(sandbox, token, await FirstAgentIdAsync(sandbox, token), "Quarterly review", ["ticket:ZX-981"]);

        using var found = await sandbox.GetJsonAsync($"api/Chat/GetConversations?metadatasearch={search}", token);

        Assert.Equal([created], Ids(found));
    }

    [Fact]
    public async Task Docs_variant_path_lists_the_same_conversations()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        using var expected = await sandbox.GetJsonAsync("api/Chat/GetConversations", token);

        using var conversations = await sandbox.GetJsonAsync("api/GetConversations", token);

        Assert.Equal(Ids(expected), Ids(conversations));
    }

    [Fact]
    public async Task Another_users_conversation_is_not_found()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var othersConversation = await sandbox.FirstConversationIdAsync(await sandbox.UserTokenAsync(1));
        var token = await sandbox.UserTokenAsync(0);

        using var response = await sandbox.GetAsync($"api/Chat/GetConversation/{othersConversation}", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Seeded_conversation_has_typed_messages_with_citation_markers()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var id = await sandbox.FirstConversationIdAsync(token);

        using var conversation = await sandbox.GetJsonAsync($"api/Chat/GetConversation/{id}", token);

        var messages = conversation.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.All(messages, m => Assert.Contains(m.GetProperty("messageType").GetString(), (string[])["User", "AI", "System"]));
        Assert.Contains(messages, m => m.GetProperty("messageType").GetString() == "AI" && m.GetProperty("text").GetString()!.Contains("†source】", StringComparison.Ordinal));
        Assert.False(conversation.RootElement.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Created_conversation_can_be_read_back()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var agentId = await FirstAgentIdAsync(sandbox, token);
        var id = await CreateAsync(sandbox, token, agentId, "Budget 2026");

        using var conversation = await sandbox.GetJsonAsync($"api/Chat/GetConversation/{id}", token);

        Assert.Equal("Budget 2026", conversation.RootElement.GetProperty("title").GetString());
        Assert.Equal(agentId, conversation.RootElement.GetProperty("botID").GetString());
        Assert.Equal(sandbox.User(0).Id, conversation.RootElement.GetProperty("userID").GetString());
        Assert.Equal(0, conversation.RootElement.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Conversation_with_another_users_agent_is_rejected()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var othersAgent = await FirstAgentIdAsync(sandbox, await sandbox.UserTokenAsync(1));
        var token = await sandbox.UserTokenAsync(0);

        using var response = await sandbox.PostJsonAsync("api/Chat/CreateConversation", token, new { title = "x", agentId = othersAgent, metadata = Array.Empty<string>() });

        await SandboxClient.AssertPlainTextAsync(response, "Invalid agentId");
    }

    internal static async Task<string> FirstAgentIdAsync(SandboxClient sandbox, string token)
    {
        using var agents = await sandbox.GetJsonAsync("api/Chat/ListAgents", token);
        return agents.RootElement[0].GetProperty("id").GetString()!;
    }

    internal static async Task<string> CreateAsync(SandboxClient sandbox, string token, string agentId, string title, string[]? metadata = null)
    {
        using var response = await sandbox.PostJsonAsync("api/Chat/CreateConversation", token, new { title, agentId, metadata = metadata ?? [] });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(SandboxClient.Ct);
        return created.GetProperty("id").GetString()!;
    }

    private static List<string> Ids(JsonDocument conversations) =>
        [.. conversations.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
}
