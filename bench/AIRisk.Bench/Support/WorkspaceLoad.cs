using AIRisk.Core.Api;
using AIRisk.Web.Workspace.Components;

namespace AIRisk.Bench.Support;

/// <summary>What the workspace loads after a switch: the agents and the first page of conversations, in parallel.</summary>
public static class WorkspaceLoad
{
    public static Task LoadAsync(AIRiskChatClient chat, CancellationToken ct) =>
        Task.WhenAll(
            chat.ListAgentsAsync(ct),
            chat.ListConversationsAsync(new ConversationQuery(1, ConversationList.PageSize), ct));
}
