using System.Text.Json;

namespace AIRisk.Core.Api;

/// <summary>Reads the Chat endpoints' camelCase JSON, tolerating the wrappers and spellings seen for ListUsers.</summary>
internal static class ChatJsonReader
{
    private static readonly string[] Wrappers = ["data", "items", "value", "results", "agents", "conversations"];

    public static IReadOnlyList<Agent> Agents(JsonElement root) =>
        Items(root).Select(a => new Agent(
                Id(a),
                JsonFields.FirstString(a, "name", "title") ?? "(unnamed agent)",
                JsonFields.String(a, "description"),
                Suggestions(a)))
            .ToList();

    public static IReadOnlyList<ConversationSummary> Conversations(JsonElement root) =>
        Items(root).Select(Summary).ToList();

    public static Conversation Conversation(JsonElement root)
    {
        var summary = Summary(root);
        var messages = JsonFields.TryGet(root, "messages", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(Message).Where(m => m.Role != MessageRole.System).ToList()
            : [];
        return new Conversation(summary.Id, summary.Title, summary.AgentId, messages, JsonFields.Bool(root, "hasMore"));
    }

    private static ConversationSummary Summary(JsonElement c) => new(
        Id(c),
        JsonFields.FirstString(c, "title", "name") ?? "(untitled)",
        JsonFields.FirstString(c, "botID", "agentId"),
        JsonFields.Date(c, "createdDate"),
        JsonFields.Date(c, "lastUpdated"));

    private static ChatMessage Message(JsonElement m)
    {
        var role = JsonFields.String(m, "messageType") switch
        {
            { } t when t.Equals("User", StringComparison.OrdinalIgnoreCase) || t == "0" => MessageRole.User,
            { } t when t.Equals("System", StringComparison.OrdinalIgnoreCase) || t == "2" => MessageRole.System,
            _ => MessageRole.AI,
        };
        var text = JsonFields.String(m, "text") ?? "";
        return new ChatMessage(
            JsonFields.String(m, "id"),
            role,
            role == MessageRole.AI ? MessageText.StripCitationMarkers(text) : text,
            JsonFields.String(m, "fileName"),
            Citations(m),
            Enum.TryParse<Feedback>(JsonFields.String(m, "feedback"), ignoreCase: true, out var feedback) ? feedback : null);
    }

    private static List<string> Citations(JsonElement m)
    {
        if (!JsonFields.TryGet(m, "citations", out var citations))
            return [];
        if (citations.ValueKind == JsonValueKind.String)
            return string.IsNullOrWhiteSpace(citations.GetString()) ? [] : [citations.GetString()!];
        if (citations.ValueKind != JsonValueKind.Array)
            return [];
        return citations.EnumerateArray()
            .Select(c => c.ValueKind == JsonValueKind.Object ? JsonFields.FirstString(c, "title", "fileName", "name", "url") : JsonFields.AsString(c))
            .OfType<string>()
            .Where(c => c.Length > 0)
            .ToList();
    }

    private static List<string> Suggestions(JsonElement agent)
    {
        if (!JsonFields.TryGet(agent, "botSuggestion", out var list) || list.ValueKind != JsonValueKind.Array)
            return [];
        return list.EnumerateArray()
            .Select(s => s.ValueKind == JsonValueKind.String ? s.GetString() : JsonFields.FirstString(s, "greeting", "text"))
            .OfType<string>()
            .ToList();
    }

    private static string Id(JsonElement element) =>
        JsonFields.String(element, "id") ?? throw new JsonException("An item in AIRisk's answer has no id.");

    private static JsonElement.ArrayEnumerator Items(JsonElement root) =>
        (JsonFields.Array(root, Wrappers) ?? throw new JsonException("Expected a JSON array.")).EnumerateArray();
}
