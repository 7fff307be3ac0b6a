using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Components;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Users.Components;

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
    private UserTable _table = default!;
    private string? _expanded;

    [Inject]
    private UserDirectoryLoader Directory { get; set; } = default!;

    [CascadingParameter]
    private ActingView View { get; set; } = default!;

    private ActingIdentity Current => View.Identity;

    private AIRiskUser? SwitchingTo => View.SwitchingTo;

    protected override Task OnInitializedAsync()
    {
        _table = new UserTable(Directory, PageSizes[0]);
        return _table.LoadAsync(refresh: false, Current.User?.Id ?? Directory.ConfiguredUserId, _disposed.Token);
    }

    private Task RefreshAsync() => _table.LoadAsync(refresh: true, null, _disposed.Token);

    private void ToggleDetails(string userId) => _expanded = _expanded == userId ? null : userId;

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

    private bool IsActive(AIRiskUser user) => Current.User?.Id == user.Id;

    private string RowClass(AIRiskUser user) => IsActive(user) ? "user-row--active" : "";

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
