namespace AIRisk.Core.Api;

/// <summary>A row of the conversations list.</summary>
public sealed record ConversationSummary(string Id, string Title, string? AgentId, DateTimeOffset? CreatedDate, DateTimeOffset? LastUpdated);
