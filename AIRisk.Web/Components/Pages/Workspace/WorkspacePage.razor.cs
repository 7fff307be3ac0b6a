using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Components.Pages.Workspace;

/// <summary>The acting user's view: agents, conversations and chat. Everything resets and reloads on a switch.</summary>
public sealed partial class WorkspacePage
{
    private IReadOnlyList<Agent> _agents = [];
    private bool _agentsLoading;
    private string? _agentsError;
    private string? _agentFilter;
    private string? _conversationId;
    private string? _draft;
    private int _conversationsRevision;

    [Inject]
    private AIRiskChatClient Chat { get; set; } = default!;

    protected override Task OnIdentityChangedAsync(ActingSession session, CancellationToken ct)
    {
        _agents = [];
        _agentFilter = null;
        _conversationId = null;
        _draft = null;
        _agentsError = null;
        _agentsLoading = false;
        return session.IsActing ? LoadAgentsAsync() : Task.CompletedTask;
    }

    private async Task LoadAgentsAsync()
    {
        _agentsLoading = true;
        _agentsError = null;
        var version = Session.Version;
        await LoadAsync(Chat.ListAgentsAsync, agents => _agents = agents, e => _agentsError = e.Message);
        // A load cancelled by a switch must not end the loading state of the load that replaced it.
        if (Session.Version == version)
            _agentsLoading = false;
    }

    private void FilterByAgent(string? agentId)
    {
        _agentFilter = agentId;
        _conversationId = null;
    }

    private void OpenConversation(string? conversationId) => _conversationId = conversationId;

    private void UseSuggestion((string AgentId, string Text) suggestion)
    {
        _agentFilter = suggestion.AgentId;
        _conversationId = null;
        _draft = suggestion.Text;
    }

    private void ConversationCreated(string conversationId)
    {
        _conversationId = conversationId;
        _conversationsRevision++;
    }
}
