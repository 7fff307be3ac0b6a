namespace AIRisk.Core.Api;

/// <summary>One conversation with its visible messages (System messages are already hidden).</summary>
public sealed record Conversation(string Id, string Title, string? AgentId, IReadOnlyList<ChatMessage> Messages, bool HasMore);
