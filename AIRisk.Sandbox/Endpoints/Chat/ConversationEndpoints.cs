using System.Globalization;
using System.Text.Json;
using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Endpoints.Contracts;
using AIRisk.Sandbox.Endpoints.Pipeline;

namespace AIRisk.Sandbox.Endpoints.Chat;

/// <summary>Agents and conversations of the calling user; another user's ids are simply not found.</summary>
internal sealed class ConversationEndpoints(SandboxState state)
{
    private const int DefaultResults = 20;
    private const string UntitledConversation = "New conversation";

    public Task ListAgentsAsync(HttpContext context) =>
        SandboxResults.JsonAsync(context, context.Workspace(state).Agents.Select(AgentDto.From).ToList());

    /// <summary><c>GET /api/Chat/GetConversations[/{agentid}]?results=&amp;skip=&amp;metadatasearch=</c>, newest first.</summary>
    public async Task ListConversationsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!TryReadCount(query["results"], DefaultResults, out var results))
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid results");
            return;
        }
        if (!TryReadCount(query["skip"], 0, out var skip))
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid skip");
            return;
        }

        string? search = query["metadatasearch"];
        var filtersByAgent = context.Request.RouteValues.ContainsKey("agentid");
        var agentId = context.RouteGuid("agentid");
        var page = context.Workspace(state).Conversations()
            .Where(c => !filtersByAgent || c.BotId == agentId)
            .Where(c => string.IsNullOrEmpty(search) || c.Matches(search))
            .OrderByDescending(c => c.LastUpdated)
            .ThenBy(c => c.Id)
            .Skip(skip)
            .Take(results)
            .Select(ConversationSummaryDto.From)
            .ToList();
        await SandboxResults.JsonAsync(context, page);
    }

    public Task GetConversationAsync(HttpContext context) =>
        context.RouteGuid("id") is { } id && context.Workspace(state).FindConversation(id) is { } conversation
            ? SandboxResults.JsonAsync(context, ConversationDto.From(conversation))
            : SandboxResults.ProblemAsync(context, StatusCodes.Status404NotFound);

    /// <summary><c>POST /api/Chat/CreateConversation</c> <c>{"title","agentId","metadata":[]}</c>.</summary>
    public async Task CreateConversationAsync(HttpContext context)
    {
        if (await JsonBody.ReadRequiredObjectAsync(context) is not { } body)
            return;

        var workspace = context.Workspace(state);
        if (!Guid.TryParse(body.StringProperty("agentId"), out var agentId) || workspace.FindAgent(agentId) is null)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid agentId");
            return;
        }

        var title = body.StringProperty("title");
        var now = state.TimeProvider.GetUtcNow();
        var conversation = new SandboxConversation(
            Guid.NewGuid(),
            string.IsNullOrWhiteSpace(title) ? UntitledConversation : title,
            agentId,
            workspace.User.Key,
            now,
            now,
            Metadata(body),
            []);
        workspace.Add(conversation);
        await SandboxResults.JsonAsync(context, ConversationDto.From(conversation));
    }

    /// <summary>The metadata's element type is undocumented: strings are kept as they are, anything else as its JSON.</summary>
    private static List<string> Metadata(JsonElement body) =>
        body.Property("metadata") is { ValueKind: JsonValueKind.Array } metadata
            ? [.. metadata.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText())]
            : [];

    private static bool TryReadCount(string? value, int fallback, out int count)
    {
        count = fallback;
        return string.IsNullOrEmpty(value) || int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
