using AIRisk.Core.Api;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Components;
using AIRisk.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AIRisk.Web.Components.Pages;

/// <summary>
/// The console: the users table and the acting user's workspace on one screen. A switch from the table, the quick
/// switcher, a recent chip or a confirmed deep link changes the workspace beside the table without leaving the page.
/// While acting, the address bar holds the deep link to this view (<c>/act/{id}?conversation={id}</c>): it is written
/// there without a navigation, as a navigation would re-render the whole page on every switch.
/// </summary>
public sealed partial class ConsolePage
{
    private long _version = -1;
    private string? _conversationId;
    private string? _dismissedLink;
    private bool _addressStale;
    private string? _address;

    [Inject]
    private ActingSwitch Acting { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private ActingView View { get; set; } = default!;

    [CascadingParameter]
    private UsersPanel? Panel { get; set; }

    /// <summary>The user a deep link names.</summary>
    [Parameter]
    public string? UserId { get; set; }

    [SupplyParameterFromQuery(Name = "conversation")]
    public string? Conversation { get; set; }

    /// <summary>The support ticket a deep link names (<c>/act/{id}?ticket=123</c>, from a Zendesk or Jira sidebar): filled in the reason prompt.</summary>
    [SupplyParameterFromQuery(Name = "ticket")]
    public string? Ticket { get; set; }

    private AIRiskUser? ActingUser => View.Identity.IsActing ? View.Identity.User : null;

    private string Title => ActingUser is { } user ? $"{user.DisplayName} · AIRisk Console" : "AIRisk Console";

    private string ConsoleClass => Panel?.IsOpen == true ? "console console--users-open" : "console";

    /// <summary>
    /// The user of a deep link staff have not confirmed (or dismissed) yet. Asked only once the tab's own start has run:
    /// a tab already acting as the link's user (a reload, a link pasted into it) resumes without being asked.
    /// </summary>
    private string? PendingLink => View.Started && UserId is { } id && id != ActingUser?.Id && id != _dismissedLink ? id : null;

    protected override async Task OnParametersSetAsync()
    {
        if (View.Identity.Version == _version)
            return;
        var first = _version < 0;
        _version = View.Identity.Version;
        // A new identity starts at the conversation its link names, if the link is for this user, else at none.
        _conversationId = ActingUser?.Id is { } id && id == UserId ? Conversation : null;
        // The link this page was opened with has had its answer once staff act as anyone (a resume is not an answer).
        if (!first && View.Started && ActingUser is not null)
            _dismissedLink = UserId;
        _addressStale |= !first || ActingUser is not null;
        // A switch from anywhere (table, switcher, recent chip, link) closes the narrow screen's users panel.
        if (!first && ActingUser is not null && Panel is { IsOpen: true } panel)
            await panel.Close.InvokeAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_addressStale)
            return;
        _addressStale = false;
        var target = ActingUser is { } user
            ? "act/" + Uri.EscapeDataString(user.Id) + (_conversationId is null ? "" : "?conversation=" + Uri.EscapeDataString(_conversationId))
            : "";
        _address ??= Navigation.ToBaseRelativePath(Navigation.Uri);
        if (_address == target)
            return;
        _address = target;
        await JS.InvokeVoidAsync("airiskConsole.showAddress", Navigation.BaseUri + target);
    }

    private void ConversationChanged(string? conversationId)
    {
        _conversationId = conversationId;
        _addressStale = true;
    }

    private Task<bool> ActAsAsync(AIRiskUser user) => Acting.SwitchAsync(user);

    private Task<bool> ActAsLinkedAsync(AIRiskUser user) => Acting.SwitchAsync(user, linkedTicket: Ticket);

    private void DismissLink()
    {
        _dismissedLink = UserId;
        _addressStale = true;
    }
}
