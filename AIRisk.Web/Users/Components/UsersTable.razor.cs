using AIRisk.Core.Api;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Users.Components;

/// <summary>
/// The users table both screens show (the console's beside the workspace, the directory page's): one query over the
/// shared directory snapshot, so a keystroke costs a scan in memory, not a call to AIRisk.
/// </summary>
public sealed partial class UsersTable : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private UserTable _table = default!;
    private string? _expanded;

    [Inject]
    private UserDirectoryLoader Directory { get; set; } = default!;

    /// <summary>The columns, in order, with their headers; each sorts the table. The action column follows them.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<(UserSortColumn Column, string Title)> Columns { get; set; } = [];

    /// <summary>The page sizes staff may pick from, the first to start with; with one, there is nothing to pick.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<int> PageSizes { get; set; } = [];

    /// <summary>The user whose row is marked as the active one; the first load opens on their page.</summary>
    [Parameter]
    public string? ActiveUserId { get; set; }

    /// <summary>The header of the last column.</summary>
    [Parameter, EditorRequired]
    public string ActionTitle { get; set; } = "";

    /// <summary>Each row's last cell.</summary>
    [Parameter, EditorRequired]
    public RenderFragment<AIRiskUser> ActionCell { get; set; } = default!;

    /// <summary>The console's layout: search over the count, the table scrolling in its box, no role filter.</summary>
    [Parameter]
    public bool Compact { get; set; }

    /// <summary>The heading beside the search box (not shown when <see cref="Compact"/>).</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>Each row's name opens a row below it with every field ListUsers sent about the user.</summary>
    [Parameter]
    public bool Expandable { get; set; }

    private int Span => Columns.Count + 1;

    private string EmptyText => string.IsNullOrWhiteSpace(_table.Query.Search) && _table.Query.Role is null
        ? "AIRisk returned no users."
        : $"No users match “{_table.Query.Search}”{(_table.Query.Role is null ? "" : $" with role {_table.Query.Role}")}.";

    protected override Task OnInitializedAsync()
    {
        _table = new UserTable(Directory, PageSizes[0]);
        // Open on the page that shows the active (or single-user) row, so staff see where they are.
        return _table.LoadAsync(refresh: false, ActiveUserId ?? Directory.ConfiguredUserId, _disposed.Token);
    }

    private Task RefreshAsync() => _table.LoadAsync(refresh: true, null, _disposed.Token);

    private void ToggleDetails(string userId) => _expanded = _expanded == userId ? null : userId;

    private static string Name(UserSortColumn column) => column.ToString().ToLowerInvariant();

    // Compact, each column carries a class by which the narrow screen's CSS drops the email column.
    private string? ColumnClass(UserSortColumn column) => Compact ? $"col-{Name(column)}" : null;

    private string? CellClass(UserSortColumn column) => column != UserSortColumn.Id
        ? ColumnClass(column)
        : Compact ? "col-id mono text-nowrap" : "mono text-nowrap";

    /// <summary>Every field ListUsers sent about the user: those the table maps, then the others (names included) as sent.</summary>
    private static IEnumerable<(string Name, string Value)> DetailsOf(AIRiskUser user)
    {
        yield return ("id", user.Id);
        if (user.Email is { } email)
            yield return ("email", email);
        if (user.Roles.Count > 0)
            yield return (user.Roles.Count == 1 ? "role" : "roles", string.Join(", ", user.Roles));
        if (user.Company is { } company)
            yield return ("company", company);
        if (user.CompanyId is { } companyId)
            yield return ("companyId", companyId);
        foreach (var (name, value) in user.Details)
            yield return (name, value);
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
