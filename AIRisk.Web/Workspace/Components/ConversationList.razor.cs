using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Workspace.Components;

/// <summary>
/// The acting user's conversations, newest first, a page at a time. AIRisk gives no total, so the list ends at the
/// first short page. Filters (agent, search) restart it; a filter change racing an older page drops the older one.
/// </summary>
public sealed partial class ConversationList
{
    public const int PageSize = 20;

    private List<ConversationSummary> _items = [];
    private string? _search;
    private int _page;
    private bool _complete;
    private bool _loading;
    private string? _error;
    private int _generation;
    private (string? AgentId, int Revision) _loadedFor;

    [Inject]
    private AIRiskChatClient Chat { get; set; } = default!;

    [Parameter]
    public string? AgentId { get; set; }

    /// <summary>Bumped by the parent when the list must reload (a conversation was created).</summary>
    [Parameter]
    public int Revision { get; set; }

    [Parameter]
    public string? SelectedId { get; set; }

    [Parameter]
    public EventCallback<string?> SelectedIdChanged { get; set; }

    protected override Task OnIdentityChangedAsync(ActingIdentity session, CancellationToken ct)
    {
        _search = null;
        return ReloadAsync();
    }

    protected override Task OnParametersSetAsync() =>
        _loadedFor != (AgentId, Revision) ? ReloadAsync() : Task.CompletedTask;

    private Task SearchAsync(string? search)
    {
        _search = search;
        return ReloadAsync();
    }

    private Task ReloadAsync()
    {
        _loadedFor = (AgentId, Revision);
        _items = [];
        _page = 0;
        _complete = false;
        return LoadMoreAsync();
    }

    private async Task LoadMoreAsync()
    {
        _error = null;
        if (!Identity.IsActing)
        {
            _complete = true;
            return;
        }

        var generation = ++_generation;
        var query = new ConversationQuery(_page + 1, PageSize, AgentId, string.IsNullOrWhiteSpace(_search) ? null : _search.Trim());
        _loading = true;
        await LoadAsync(
            ct => Chat.ListConversationsAsync(query, ct),
            page =>
            {
                if (generation != _generation)
                    return;
                _items.AddRange(page);
                _page = query.Page;
                _complete = page.Count < PageSize;
            },
            e =>
            {
                if (generation == _generation)
                    _error = e.Message;
            });
        if (generation == _generation)
            _loading = false;
    }
}
