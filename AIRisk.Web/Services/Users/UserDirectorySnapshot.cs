using System.Collections.Concurrent;
using System.Collections.Frozen;
using AIRisk.Core.Api;

namespace AIRisk.Web.Services.Users;

/// <summary>
/// An immutable copy of the user list with what search and sort need precomputed once: one folded search buffer and,
/// lazily, one sorted order per column. Shared by every circuit, so 100,000 users cost memory once.
/// </summary>
public sealed class UserDirectorySnapshot
{
    private readonly SearchBuffer _search;
    private readonly ConcurrentDictionary<UserSortColumn, int[]> _orders = new();

    public UserDirectorySnapshot(IReadOnlyList<AIRiskUser> users, DateTimeOffset loadedAt)
    {
        Users = users;
        LoadedAt = loadedAt;
        _search = new SearchBuffer(users);
        ById = users.GroupBy(u => u.Id, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Roles = [.. users.Select(u => u.Role).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase)];
    }

    public IReadOnlyList<AIRiskUser> Users { get; }

    public FrozenDictionary<string, AIRiskUser> ById { get; }

    public IReadOnlyList<string> Roles { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The characters one keystroke scans: every user's folded searchable text.</summary>
    internal SearchBuffer Search => _search;

    public UserPage Query(UserQuery query)
    {
        var (matched, matching) = Match(query);
        var order = Order(query.SortBy);
        var skip = query.Page * query.PageSize;
        var page = new List<AIRiskUser>(Math.Min(query.PageSize, matching));
        var seen = 0;

        // The search ran over the buffer and counted the matches already: the sort order is walked only until the
        // page is full.
        for (var n = 0; n < order.Length && page.Count < query.PageSize && seen < matching; n++)
        {
            var index = order[query.Descending ? order.Length - 1 - n : n];
            if (!Keeps(index, matched, query.Role))
                continue;
            if (seen >= skip)
                page.Add(Users[index]);
            seen++;
        }

        return new UserPage(page, matching, Users.Count);
    }

    /// <summary>The page of <paramref name="query"/> that shows <paramref name="userId"/>, or <c>null</c> if no page does.</summary>
    public int? PageOf(string userId, UserQuery query)
    {
        var (matched, _) = Match(query);
        var order = Order(query.SortBy);
        var position = 0;
        for (var n = 0; n < order.Length; n++)
        {
            var index = order[query.Descending ? order.Length - 1 - n : n];
            if (!Keeps(index, matched, query.Role))
                continue;
            if (Users[index].Id == userId)
                return position / query.PageSize;
            position++;
        }

        return null;
    }

    /// <returns>
    /// Which users every search term matches (<c>null</c> when there is no term: everyone), and how many of them the
    /// role filter keeps.
    /// </returns>
    private (ulong[]? Matched, int Count) Match(UserQuery query)
    {
        var terms = SearchText.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new string([.. t.Where(c => !char.IsControl(c))]))
            .Where(t => t.Length > 0)
            .ToArray();
        ulong[]? matched = null;
        var count = Users.Count;
        if (terms.Length > 0)
            (matched, count) = _search.Match(terms);
        if (query.Role is null)
            return (matched, count);

        count = 0;
        for (var i = 0; i < Users.Count; i++)
        {
            if (Keeps(i, matched, query.Role))
                count++;
        }

        return (matched, count);
    }

    private bool Keeps(int index, ulong[]? matched, string? role) =>
        (matched is null || SearchBuffer.Has(matched, index)) && (role is null || string.Equals(Users[index].Role, role, StringComparison.OrdinalIgnoreCase));

    private int[] Order(UserSortColumn column) => _orders.GetOrAdd(column, c =>
    {
        var order = Enumerable.Range(0, Users.Count).ToArray();
        var keys = Users.Select(u => SortKey(u, c)).ToArray();
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        Array.Sort(keys, order, comparer);
        return order;
    });

    private static string SortKey(AIRiskUser user, UserSortColumn column) => column switch
    {
        UserSortColumn.Email => user.Email ?? "",
        UserSortColumn.Role => user.Role ?? "",
        UserSortColumn.Company => user.Company ?? user.CompanyId ?? "",
        UserSortColumn.Id => user.Id,
        _ => user.DisplayName,
    };
}
