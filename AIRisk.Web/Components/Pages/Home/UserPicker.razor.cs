using System.Globalization;
using AIRisk.Core.Api;
using AIRisk.Web.Components.Shared;
using AIRisk.Web.Services.Acting;
using AIRisk.Web.Services.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AIRisk.Web.Components.Pages.Home;

/// <summary>
/// Search, sort and paging run over the shared directory snapshot, so a keystroke costs a scan in memory, not a call
/// to AIRisk. Each row's Act as switches this tab to that user.
/// </summary>
public sealed partial class UserPicker : IDisposable
{
    public const int PageSize = 20;

    private static readonly (UserSortColumn Column, string Title)[] Columns =
    [
        (UserSortColumn.Name, "Name"),
        (UserSortColumn.Email, "Email"),
        (UserSortColumn.Role, "Role"),
    ];

    private readonly CancellationTokenSource _disposed = new();
    private UserDirectorySnapshot? _snapshot;
    private UserQuery _query = new(PageSize: PageSize);
    private UserPage? _page;
    private bool _loading;
    private string? _error;

    [Inject]
    private UserDirectoryLoader Directory { get; set; } = default!;

    [Inject]
    private ActingService Acting { get; set; } = default!;

    [CascadingParameter]
    private ActingView View { get; set; } = default!;

    /// <summary>Raised after a switch from this table succeeded.</summary>
    [Parameter]
    public EventCallback OnSwitched { get; set; }

    private int PageCount => _page is null ? 1 : Math.Max(1, (_page.Matching + _query.PageSize - 1) / _query.PageSize);

    private string CountText => _page is null
        ? ""
        : _page.Matching == _page.Total
            ? string.Format(CultureInfo.CurrentCulture, "{0:N0} users", _page.Total)
            : string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} users", _page.Matching, _page.Total);

    protected override Task OnInitializedAsync() => LoadAsync(refresh: false);

    private async Task LoadAsync(bool refresh)
    {
        _loading = true;
        _error = null;
        try
        {
            _snapshot = await Directory.GetAsync(refresh, _disposed.Token);
            // Open on the page that shows the acting (or single-user) row, so staff see where they are.
            if (!refresh && (View.Session.User?.Id ?? Directory.ConfiguredUserId) is { } preselected && _snapshot.PageOf(preselected, _query) is { } page)
                _query = _query with { Page = page };
            Requery();
        }
        catch (AIRiskApiException e)
        {
            _error = e.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private void Requery() => _page = _snapshot?.Query(_query);

    private Task RefreshAsync() => LoadAsync(refresh: true);

    private void Search(string? text)
    {
        _query = _query with { Search = text, Page = 0 };
        Requery();
    }

    private void Sort(UserSortColumn column)
    {
        _query = _query with { SortBy = column, Descending = _query.SortBy == column && !_query.Descending, Page = 0 };
        Requery();
    }

    private void GoToPage(int page)
    {
        _query = _query with { Page = page - 1 };
        Requery();
    }

    private async Task ActAsAsync(AIRiskUser user)
    {
        if (await Acting.ActAsAsync(user, CancellationToken.None))
            await OnSwitched.InvokeAsync();
    }

    private bool IsActive(AIRiskUser user) => View.Session.User?.Id == user.Id;

    private string SortIcon(UserSortColumn column) => _query.SortBy != column
        ? Icons.Material.Filled.UnfoldMore
        : _query.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward;

    private string AriaSort(UserSortColumn column) => _query.SortBy != column ? "none" : _query.Descending ? "descending" : "ascending";

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
