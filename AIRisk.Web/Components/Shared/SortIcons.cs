using AIRisk.Web.Users;
using MudBlazor;

namespace AIRisk.Web.Components.Shared;

/// <summary>The icon a users table's column header shows for the current sort.</summary>
public static class SortIcons
{
    public static string For(UserQuery query, UserSortColumn column) => query.SortBy != column
        ? Icons.Material.Filled.UnfoldMore
        : query.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward;
}
