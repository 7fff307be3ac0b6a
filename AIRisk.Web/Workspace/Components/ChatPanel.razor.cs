using System.Globalization;
using System.Text;
using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace AIRisk.Web.Workspace.Components;

/// <summary>
/// One conversation as the acting user: its messages, and a chat whose AI reply renders as AIRisk streams it (at
/// most ~20 renders a second). The streamed reply stays on screen until the stored conversation holds it. A switch
/// cancels a reply still streaming, and nothing of it is shown under the new identity.
/// </summary>
public sealed partial class ChatPanel : IAsyncDisposable
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(50);

    private Conversation? _conversation;
    private List<ChatMessage> _messages = [];
    private StringBuilder? _streaming;
    private string? _input;
    private string? _agentId;
    private bool _loading;
    private bool _sending;
    private string? _error;
    private string? _notice;
    private string? _shownDraft;
    private string? _opening;
    private int _exchange;
    private ElementReference _messagesElement;
    private ElementReference _inputElement;
    private DotNetObjectReference<ChatPanel>? _self;
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
    private ActingSessionClock Clock { get; set; } = default!;

    [Inject]
    private ActingAudit Audit { get; set; } = default!;

    [Inject]
    private SessionEnder Ender { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

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

    private string UserName => Identity.User?.DisplayName ?? "User";

    private int MaxMessageChars => Options.Value.MaxMessageChars;

    private bool InputTooLong => (_input?.Length ?? 0) > MaxMessageChars;

    protected override Task OnIdentityChangedAsync(ActingIdentity session, CancellationToken ct)
    {
        _conversation = null;
        _messages = [];
        _streaming = null;
        _input = null;
        _agentId = null;
        _error = null;
        _notice = null;
        _sending = false;
        _loading = false;
        _opening = null;
        _exchange++;
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

        // Re-renders while a conversation loads (a token renewal re-renders the screen) must not fetch it again.
        if (ConversationId == _conversation?.Id || ConversationId == _opening || _sending)
            return;
        if (ConversationId is null)
        {
            _conversation = null;
            _opening = null;
            _messages = [];
            return;
        }

        await OpenAsync(ConversationId);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _self = DotNetObjectReference.Create(this);
                await JS.InvokeVoidAsync("airiskConsole.watchPaste", _inputElement, _self);
            }

            var now = (_messages.Count, _streaming?.Length ?? -1);
            if (now == _scrolledAt)
                return;
            _scrolledAt = now;
            await JS.InvokeVoidAsync("airiskConsole.scrollToEnd", _messagesElement);
        }
        catch (JSDisconnectedException)
        {
            // The browser went away; there is nothing to scroll or watch.
        }
    }

    /// <summary>The browser cut a paste to the input's maximum length: say so instead of sending less than staff think.</summary>
    [JSInvokable]
    public Task PasteTruncated(int pastedLength) => InvokeAsync(() =>
    {
        _error = string.Format(CultureInfo.CurrentCulture,
            "The pasted text has {0:N0} characters; a message can have at most {1:N0}, so it was cut to fit. Check the end of your message before sending.",
            pastedLength, MaxMessageChars);
        StateHasChanged();
    });

    private async Task OpenAsync(string conversationId)
    {
        _opening = conversationId;
        Clock.Touch();
        _loading = true;
        _error = null;
        _notice = null;
        var ticket = Ticket();
        var shown = await LoadAsync(ct => Chat.GetConversationAsync(conversationId, ct), Show, e => _error = e.Message);
        if (!ticket.IsCurrent)
            return;
        if (_opening == conversationId)
            _opening = null;
        _loading = false;
        // Which of a user's conversations staff read is part of the record.
        if (shown && _conversation is { } conversation)
            await RecordViewedAsync(conversation);
    }

    private async Task RecordViewedAsync(Conversation conversation)
    {
        try
        {
            await Audit.RecordInSessionAsync(AuditAction.Viewed, AuditOutcome.Succeeded, Identity.User, CancellationToken.None, detail: $"conversation {conversation.Id} “{conversation.Title}”");
        }
        catch (ActingSessionEndedException e)
        {
            // Ended on another node (or taken up in another tab) since this tab last heard: nothing more is shown as it.
            await Ender.LostAsync(e.SessionId);
        }
        catch (AuditUnavailableException)
        {
            // Shown already; the trail logged and counted the lost record.
        }
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
        if (text.Length > MaxMessageChars)
        {
            _error = string.Format(CultureInfo.CurrentCulture, "This message has {0:N0} characters; AIRisk accepts at most {1:N0}. Shorten it and send again.", text.Length, MaxMessageChars);
            return;
        }

        var ticket = Ticket();
        _sending = true;
        _error = null;
        _notice = null;
        StreamedExchange? exchange = null;
        var what = _conversation is null ? "new conversation and question" : $"question in conversation {_conversation.Id}";
        await WriteAsync(what, async t => exchange = await AskAsync(text, t));
        if (!ticket.IsCurrent)
            return;
        _streaming = null;
        _sending = false;
        // A read, not part of the write: the input is free again while the stored copy is looked for.
        if (exchange is not null)
            await RunAsync(t => PickUpStoredReplyAsync(exchange, t), e => _notice = $"The stored copy of this reply could not be read: {e.Message}");
    }

    /// <summary>Every write as the user goes through here: confirmation, audit, and errors shown only for the identity on screen.</summary>
    private Task WriteAsync(string what, Func<IdentityTicket, Task> write) => RunAsync(async ticket =>
    {
        var refused = await Writes.RunAsync(what, () => write(ticket), ticket.Token);
        if (refused is not null && ticket.IsCurrent)
            _error = refused;
    }, e => _error = e.Message);

    /// <returns>The exchange whose stored copy is still to be picked up, or <c>null</c>.</returns>
    private async Task<StreamedExchange?> AskAsync(string text, IdentityTicket ticket)
    {
        var conversation = _conversation ?? await StartConversationAsync(text, ticket.Token);
        if (conversation is null || !ticket.IsCurrent)
            return null;

        var number = ++_exchange;
        var shownBefore = _messages.Count;
        var question = new ChatMessage(null, MessageRole.User, text, null, [], null);
        _input = null;
        _messages.Add(question);
        _streaming = new StringBuilder();
        StateHasChanged();

        var cutOff = await StreamReplyAsync(conversation.Id, text, ticket);
        if (!ticket.IsCurrent)
            return null;

        var reply = new ChatMessage(null, MessageRole.AI, MessageText.StripCitationMarkers(_streaming.ToString()), null, [], null);
        _messages.Add(reply);
        _streaming = null;
        if (cutOff)
        {
            // Not replaced by the stored copy either: a reply this large is what the limit keeps off the screen.
            _error = string.Format(CultureInfo.CurrentCulture, "The reply was longer than {0:N0} characters and was cut off here.", Options.Value.MaxReplyChars);
            return null;
        }

        return new StreamedExchange(conversation.Id, number, shownBefore, question, reply);
    }

    /// <returns><c>true</c> when the reply ran past the configured size and was cut off.</returns>
    private async Task<bool> StreamReplyAsync(string conversationId, string text, IdentityTicket ticket)
    {
        var lastRender = Time.GetTimestamp();
        await foreach (var piece in Chat.AskAgentAsync(conversationId, text, ticket.Token))
        {
            if (!ticket.IsCurrent)
                return false;
            _streaming!.Append(piece);
            if (_streaming.Length > Options.Value.MaxReplyChars)
            {
                _streaming.Length = Options.Value.MaxReplyChars;
                return true;
            }

            if (Time.GetElapsedTime(lastRender) >= RenderInterval)
            {
                lastRender = Time.GetTimestamp();
                StateHasChanged();
            }
        }

        return false;
    }

    /// <summary>
    /// Re-reads the conversation, with a doubling delay, until it holds the reply (its ids make feedback possible).
    /// The streamed text stays on screen meanwhile; a later question or another conversation stops the search.
    /// </summary>
    private async Task PickUpStoredReplyAsync(StreamedExchange exchange, IdentityTicket ticket)
    {
        var delay = TimeSpan.FromMilliseconds(Options.Value.ReplyReloadDelayMilliseconds);
        for (var attempt = 0; attempt <= Options.Value.ReplyReloadAttempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(delay, Time, ticket.Token);
                delay *= 2;
            }

            var stored = await Chat.GetConversationAsync(exchange.ConversationId, ticket.Token);
            if (!ticket.IsCurrent || exchange.Number != _exchange || _conversation?.Id != exchange.ConversationId)
                return;
            _conversation = stored;
            _messages = ReplyMerge.Merge(stored, exchange.ShownBefore, exchange.Question, exchange.Reply);
            var held = ReplyMerge.HoldsReply(stored, exchange.ShownBefore);
            _notice = held ? null : "AIRisk has not stored this reply yet; like and dislike appear once it has.";
            StateHasChanged();
            if (held)
                return;
        }
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

    private Task SendFeedbackAsync(ChatMessage message, Feedback feedback)
    {
        if (_conversation is not { } conversation || message.Id is null)
            return Task.CompletedTask;
        return WriteAsync($"{feedback} on message {message.Id} in conversation {conversation.Id}", async ticket =>
        {
            await Chat.SubmitFeedbackAsync(conversation.Id, message.Id, feedback, ticket.Token);
            if (ticket.IsCurrent)
                _messages = [.. _messages.Select(m => ReferenceEquals(m, message) ? m with { Feedback = feedback } : m)];
        });
    }

    private async Task AttachAsync(IBrowserFile? file)
    {
        if (file is null || _conversation is not { } conversation)
            return;
        if (file.Size > Options.Value.MaxUploadBytes)
        {
            _error = Options.Value.TooLargeToAttach(file.Name);
            return;
        }

        var ticket = Ticket();
        _sending = true;
        _error = null;
        await WriteAsync($"file '{file.Name}' ({file.Size:N0} bytes) in conversation {conversation.Id}", async t =>
        {
            await using var stream = file.OpenReadStream(Options.Value.MaxUploadBytes, t.Token);
            await Chat.AttachFileAsync(conversation.Id, file.Name, stream, t.Token);
            var stored = await Chat.GetConversationAsync(conversation.Id, t.Token);
            if (t.IsCurrent)
                Show(stored);
        });
        if (ticket.IsCurrent)
            _sending = false;
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_self is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("airiskConsole.unwatchPaste", _inputElement);
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and its listener with it.
            }

            _self.Dispose();
        }
    }

    /// <summary>A question and the reply streamed for it, until the stored conversation holds both.</summary>
    private sealed record StreamedExchange(string ConversationId, int Number, int ShownBefore, ChatMessage Question, ChatMessage Reply);
}
