using System.Globalization;
using AIRisk.Core.Api;

namespace AIRisk.Web.Users;

/// <summary>
/// What a users table shows: one query (search, role, sort, page) over the shared directory snapshot, so a keystroke
/// costs a scan in memory, not a call to AIRisk. Each <see cref="Components.UsersTable"/> on screen holds one.
/// </summary>
public sealed class UserTable(UserDirectoryLoader directory, int pageSize)
{
    private const string DefaultRetryText = "Retry";

    public UserDirectorySnapshot? Snapshot { get; private set; }

    public UserQuery Query { get; private set; } = new(PageSize: pageSize);

    public UserPage? Page { get; private set; }

    public bool Loading { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The label of the error's retry button: the action the failure asks for (a sign-in), else "Retry".</summary>
    public string RetryText { get; private set; } = DefaultRetryText;

    public int PageCount => Page is null ? 1 : Math.Max(1, (Page.Matching + Query.PageSize - 1) / Query.PageSize);

    public string CountText => Page is null
        ? ""
        : Page.Matching == Page.Total
            ? string.Format(CultureInfo.CurrentCulture, "{0:N0} users", Page.Total)
            : string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} users", Page.Matching, Page.Total);

    /// <summary>Loads (or, with <paramref name="refresh"/>, reloads) the directory; a first load opens on the page showing <paramref name="preselectedUserId"/>.</summary>
    public async Task LoadAsync(bool refresh, string? preselectedUserId, CancellationToken ct)
    {
        Loading = true;
        Error = null;
        RetryText = DefaultRetryText;
        try
        {
            Snapshot = await directory.GetAsync(refresh, ct);
            if (!refresh && preselectedUserId is not null && Snapshot.PageOf(preselectedUserId, Query) is { } page)
                Query = Query with { Page = page };
            Requery();
        }
        catch (AIRiskApiException e)
        {
            Error = e.Message;
            RetryText = (e as IRetryAction)?.RetryText ?? DefaultRetryText;
        }
        finally
        {
            Loading = false;
        }
    }

    public void Search(string? text) => Apply(Query with { Search = text, Page = 0 });

    public void FilterRole(string? role) => Apply(Query with { Role = string.IsNullOrEmpty(role) ? null : role, Page = 0 });

    /// <summary>Sorts by <paramref name="column"/>; the same column again reverses the order.</summary>
    public void Sort(UserSortColumn column) => Apply(Query with { SortBy = column, Descending = Query.SortBy == column && !Query.Descending, Page = 0 });

    /// <param name="page">1-based, as pagers count.</param>
    public void GoToPage(int page) => Apply(Query with { Page = page - 1 });

    public void Resize(int size) => Apply(Query with { PageSize = size, Page = 0 });

    /// <summary>For <c>aria-sort</c>.</summary>
    public string AriaSort(UserSortColumn column) => Query.SortBy != column ? "none" : Query.Descending ? "descending" : "ascending";

    private void Apply(UserQuery query)
    {
        Query = query;
        Requery();
    }

    private void Requery() => Page = Snapshot?.Query(Query);
}
