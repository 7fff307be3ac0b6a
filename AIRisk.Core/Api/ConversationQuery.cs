namespace AIRisk.Core.Api;

/// <summary>A page of the conversations list. AIRisk returns no total: an empty page ends the list.</summary>
/// <param name="Page">1-based page number; <c>skip = (Page - 1) * PageSize</c>.</param>
/// <param name="PageSize">Sent as <c>results</c>.</param>
/// <param name="AgentId">Only conversations with this agent.</param>
/// <param name="Search">Sent as <c>metadatasearch</c>.</param>
public sealed record ConversationQuery(int Page = 1, int PageSize = 20, string? AgentId = null, string? Search = null)
{
    public int Skip => (Math.Max(Page, 1) - 1) * PageSize;
}
