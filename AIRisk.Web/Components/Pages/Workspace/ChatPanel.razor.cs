using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Web.Services.Acting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace AIRisk.Web.Components.Pages.Workspace;

/// <summary>
/// One conversation as the acting user: its messages, and a chat whose AI reply renders piece by piece as AIRisk
/// streams it. A switch cancels a reply still streaming, and nothing of it is shown under the new identity.
/// </summary>
public sealed partial class ChatPanel
{
    private Conversation? _conversation;
    private List<ChatMessage> _messages = [];
    private string? _streaming;
    private string? _input;
    private string? _agentId;
    private bool _loading;
    private bool _sending;
    private string? _error;
    private string? _shownDraft;
    private ElementReference _messagesElement;
    private (int Messages, int Streamed) _scrolledAt;

    [Inject]
    private AIRiskChatClient Chat { get; set; } = default!;

    [Inject]
    private IOptions<AIRiskOptions> Options { get; set; } = default!;

    [Inject]
    private WriteGuard Writes { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ActingService Acting { get; set; } = default!;

    [Parameter]
    public string? ConversationId { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<Agent> Agents { get; set; } = [];

    [Parameter]
    public string? DefaultAgentId { get; set; }

    /// <summary>Text to put in the input (an agent's suggestion).</summary>
    [Parameter]
    public string? Draft { get; set; }

    [Parameter]
    public EventCallback<string> OnConversationCreated { get; set; }

    private string UserName => Session.User?.DisplayName ?? "User";

    protected override Task OnIdentityChangedAsync(ActingSession session, CancellationToken ct)
    {
        _conversation = null;
        _messages = [];
        _streaming = null;
        _input = null;
        _agentId = null;
        _error = null;
        _sending = false;
        _loading = false;
        return Task.CompletedTask;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Draft != _shownDraft)
        {
            _shownDraft = Draft;
            _input = Draft;
            _agentId = null;
        }

        if (ConversationId == _conversation?.Id || _sending)
            return;
        if (ConversationId is null)
        {
            _conversation = null;
            _messages = [];
            return;
        }

        await OpenAsync(ConversationId);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var now = (_messages.Count, _streaming?.Length ?? -1);
        if (now == _scrolledAt)
            return;
        _scrolledAt = now;
        try
        {
            await JS.InvokeVoidAsync("airiskConsole.scrollToEnd", _messagesElement);
        }
        catch (JSDisconnectedException)
        {
            // The browser went away; there is nothing to scroll.
        }
    }

    private async Task OpenAsync(string conversationId)
    {
        Acting.Touch();
        _loading = true;
        _error = null;
        var version = Session.Version;
        await LoadAsync(ct => Chat.GetConversationAsync(conversationId, ct), Show, e => _error = e.Message);
        if (Session.Version == version)
            _loading = false;
    }

    private void Show(Conversation conversation)
    {
        _conversation = conversation;
        _messages = [.. conversation.Messages];
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e is { Key: "Enter", ShiftKey: false, CtrlKey: true })
            await SendAsync();
    }

    private async Task SendAsync()
    {
        var text = _input?.Trim();
        if (string.IsNullOrEmpty(text) || _sending)
            return;

        var version = Session.Version;
        var ct = IdentityCancellation;
        _sending = true;
        _error = null;
        try
        {
            var what = _conversation is null ? "new conversation and question" : $"question in conversation {_conversation.Id}";
            _error = await Writes.RunAsync(what, () => AskAsync(text, version, ct), ct);
        }
        catch (AIRiskApiException e)
        {
            // An error for an identity no longer on screen is dropped, never rethrown (it would end the circuit).
            if (IsCurrent(version, ct))
                _error = e.Message;
        }
        catch (OperationCanceledException) when (!IsCurrent(version, ct))
        {
            // The identity changed mid-reply; OnIdentityChangedAsync already cleared the panel.
        }
        finally
        {
            if (IsCurrent(version, ct))
            {
                _streaming = null;
                _sending = false;
            }
        }
    }

    private async Task AskAsync(string text, long version, CancellationToken ct)
    {
        var conversation = _conversation ?? await StartConversationAsync(text, ct);
        if (conversation is null || !IsCurrent(version, ct))
            return;

        _input = null;
        _messages.Add(new ChatMessage(null, MessageRole.User, text, null, [], null));
        _streaming = "";
        StateHasChanged();

        await foreach (var piece in Chat.AskAgentAsync(conversation.Id, text, ct))
        {
            if (!IsCurrent(version, ct))
                return;
            _streaming += piece;
            StateHasChanged();
        }

        // The stream carries no message ids; the stored conversation does (feedback needs them).
        var stored = await Chat.GetConversationAsync(conversation.Id, ct);
        if (IsCurrent(version, ct))
            Show(stored);
    }

    private async Task<Conversation?> StartConversationAsync(string firstMessage, CancellationToken ct)
    {
        var agentId = _agentId ?? DefaultAgentId;
        if (agentId is null)
        {
            _error = "This user has no agent to talk to.";
            return null;
        }

        var title = firstMessage.Length <= 60 ? firstMessage : firstMessage[..57] + "…";
        var conversation = await Chat.CreateConversationAsync(title, agentId, ct);
        _conversation = conversation;
        _messages = [.. conversation.Messages];
        await OnConversationCreated.InvokeAsync(conversation.Id);
        return conversation;
    }

    private async Task SendFeedbackAsync(ChatMessage message, Feedback feedback)
    {
        if (_conversation is not { } conversation || message.Id is null)
            return;
        var version = Session.Version;
        var ct = IdentityCancellation;
        try
        {
            _error = await Writes.RunAsync($"{feedback} on message {message.Id} in conversation {conversation.Id}", async () =>
            {
                await Chat.SubmitFeedbackAsync(conversation.Id, message.Id, feedback, ct);
                if (IsCurrent(version, ct))
                    _messages = [.. _messages.Select(m => ReferenceEquals(m, message) ? m with { Feedback = feedback.ToString() } : m)];
            }, ct);
        }
        catch (AIRiskApiException e)
        {
            // An error for an identity no longer on screen is dropped, never rethrown (it would end the circuit).
            if (IsCurrent(version, ct))
                _error = e.Message;
        }
    }

    private async Task AttachAsync(IBrowserFile? file)
    {
        if (file is null || _conversation is not { } conversation)
            return;
        var limit = Options.Value.MaxUploadMegabytes * 1024L * 1024L;
        if (file.Size > limit)
        {
            _error = $"'{file.Name}' is larger than the {Options.Value.MaxUploadMegabytes} MB AIRisk accepts.";
            return;
        }

        var version = Session.Version;
        var ct = IdentityCancellation;
        _sending = true;
        _error = null;
        try
        {
            _error = await Writes.RunAsync($"file '{file.Name}' ({file.Size:N0} bytes) in conversation {conversation.Id}", async () =>
            {
                await using var stream = file.OpenReadStream(limit, ct);
                await Chat.AttachFileAsync(conversation.Id, file.Name, stream, ct);
            }, ct);
            var stored = await Chat.GetConversationAsync(conversation.Id, ct);
            if (IsCurrent(version, ct))
                Show(stored);
        }
        catch (AIRiskApiException e)
        {
            // An error for an identity no longer on screen is dropped, never rethrown (it would end the circuit).
            if (IsCurrent(version, ct))
                _error = e.Message;
        }
        finally
        {
            if (IsCurrent(version, ct))
                _sending = false;
        }
    }
}
