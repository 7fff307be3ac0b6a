using System.Globalization;
using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Components.Shared;
using AIRisk.Web.Services.Acting;
using AIRisk.Web.Services.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AIRisk.Web.Components.Pages.Users;

/// <summary>
/// The user list from ListUsers with search, role filter, sort and paging done over the shared directory snapshot,
/// so each keystroke costs a scan in memory, not a call to AIRisk. Each row can switch the circuit to that user.
/// </summary>
public sealed partial class UsersPage : IDisposable
{
    private static readonly (UserSortColumn Column, string Title)[] Columns =
    [
        (UserSortColumn.Name, "Name"),
        (UserSortColumn.Email, "Email"),
        (UserSortColumn.Role, "Role"),
        (UserSortColumn.Company, "Company"),
        (UserSortColumn.Id, "Id"),
    ];

    private static readonly int[] PageSizes = [25, 50, 100];

    private readonly CancellationTokenSource _disposed = new();
    private UserDirectorySnapshot? _snapshot;
    private UserQuery _query = new();
    private UserPage? _page;
    private bool _loading;
    private string? _error;
    private string? _expanded;

    [Inject]
    private ActingService Acting { get; set; } = default!;

    [Inject]
    private UserDirectoryLoader Directory { get; set; } = default!;

    [CascadingParameter]
    private ActingView View { get; set; } = default!;

    private ActingSession Current => View.Session;

    private AIRiskUser? SwitchingTo => View.SwitchingTo;

    private int PageCount => _page is null ? 1 : Math.Max(1, (_page.Matching + _query.PageSize - 1) / _query.PageSize);

    private string CountText => _page is null
        ? ""
        : _page.Matching == _page.Total
            ? string.Format(CultureInfo.CurrentCulture, "{0:N0} users", _page.Total)
            : string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} users", _page.Matching, _page.Total);

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync(refresh: false);
    }

    private async Task LoadAsync(bool refresh)
    {
        _loading = true;
        _error = null;
        try
        {
            _snapshot = await Directory.GetAsync(refresh, _disposed.Token);
            if (!refresh && (Current.User?.Id ?? Directory.ConfiguredUserId) is { } preselected && _snapshot.PageOf(preselected, _query) is { } page)
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

    private void FilterRole(string? role)
    {
        _query = _query with { Role = string.IsNullOrEmpty(role) ? null : role, Page = 0 };
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

    private void Resize(int size)
    {
        _query = _query with { PageSize = size, Page = 0 };
        Requery();
    }

    // Not tied to this page: staff may click Act as and move on to the workspace while the switch runs.
    private Task<bool> ActAsAsync(AIRiskUser user) => Acting.ActAsAsync(user, CancellationToken.None);

    private void ToggleDetails(string userId) => _expanded = _expanded == userId ? null : userId;

    /// <summary>Everything ListUsers said about the user, including fields this dashboard does not map.</summary>
    private static IEnumerable<(string Name, string Value)> DetailsOf(AIRiskUser user)
    {
        yield return ("id", user.Id);
        if (user.CompanyId is { } companyId)
            yield return ("companyId", companyId);
        foreach (var (name, value) in user.Details)
            yield return (name, value);
    }

    private bool IsActive(AIRiskUser user) => Current.User?.Id == user.Id;

    private string RowClass(AIRiskUser user) => IsActive(user) ? "user-row--active" : "";

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
