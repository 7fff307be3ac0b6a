namespace AIRisk.Web.Users;

/// <summary>What the users table asks for: a search, a role filter, a sort and a page (0-based).</summary>
public sealed record UserQuery(
    string? Search = null,
    string? Role = null,
    UserSortColumn SortBy = UserSortColumn.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);
