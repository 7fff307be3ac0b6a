using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Workspace.Components;

/// <summary>
/// The acting user's world: agents, conversations and chat. Everything resets and reloads on a switch. The open
/// conversation can be bound (<c>@bind-ConversationId</c>), so the page can put it in the address bar.
/// </summary>
public sealed partial class ActingWorkspace
{
    private IReadOnlyList<Agent> _agents = [];
    private bool _agentsLoading;
    private string? _agentsError;
    private string? _agentFilter;
    private string? _draft;
    private int _conversationsRevision;
    private string? _conversationId;
    private string? _conversationIdGiven;

    [Inject]
    private AIRiskChatClient Chat { get; set; } = default!;

    /// <summary>The conversation open in the chat, or <c>null</c> for a new one.</summary>
    [Parameter]
    public string? ConversationId { get; set; }

    [Parameter]
    public EventCallback<string?> ConversationIdChanged { get; set; }

    /// <summary>Shown instead of the default hint while nobody is acting.</summary>
    [Parameter]
    public RenderFragment? EmptyContent { get; set; }

    protected override void OnParametersSet()
    {
        if (ConversationId != _conversationIdGiven)
        {
            _conversationIdGiven = ConversationId;
            _conversationId = ConversationId;
        }
    }

    protected override Task OnIdentityChangedAsync(ActingIdentity session, CancellationToken ct)
    {
        _conversationId = ConversationId;
        _agents = [];
        _agentFilter = null;
        _draft = null;
        _agentsError = null;
        _agentsLoading = false;
        return session.IsActing ? LoadAgentsAsync() : Task.CompletedTask;
    }

    private async Task LoadAgentsAsync()
    {
        _agentsLoading = true;
        _agentsError = null;
        var ticket = Ticket();
        await LoadAsync(Chat.ListAgentsAsync, agents => _agents = agents, e => _agentsError = e.Message);
        // A load cancelled by a switch must not end the loading state of the load that replaced it.
        if (ticket.IsCurrent)
            _agentsLoading = false;
    }

    private Task FilterByAgent(string? agentId)
    {
        _agentFilter = agentId;
        return OpenConversationAsync(null);
    }

    private Task OpenConversationAsync(string? conversationId)
    {
        _conversationId = conversationId;
        return ConversationIdChanged.InvokeAsync(conversationId);
    }

    private Task UseSuggestion((string AgentId, string Text) suggestion)
    {
        _agentFilter = suggestion.AgentId;
        _draft = suggestion.Text;
        return OpenConversationAsync(null);
    }

    private Task ConversationCreatedAsync(string conversationId)
    {
        _conversationsRevision++;
        return OpenConversationAsync(conversationId);
    }
}
