using AIRisk.Core.Api;
using AIRisk.Web.Acting.Components;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Users.Components;

/// <summary>The console's users table. Each row's Act as switches this tab to that user.</summary>
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
    private UserTable _table = default!;

    [Inject]
    private UserDirectoryLoader Directory { get; set; } = default!;

    [CascadingParameter]
    private ActingView View { get; set; } = default!;

    protected override Task OnInitializedAsync()
    {
        _table = new UserTable(Directory, PageSize);
        // Open on the page that shows the acting (or single-user) row, so staff see where they are.
        return _table.LoadAsync(refresh: false, View.Identity.User?.Id ?? Directory.ConfiguredUserId, _disposed.Token);
    }

    private Task RefreshAsync() => _table.LoadAsync(refresh: true, null, _disposed.Token);

    private bool IsActive(AIRiskUser user) => View.Identity.User?.Id == user.Id;

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
