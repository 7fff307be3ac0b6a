using System.Collections.Concurrent;
using System.Collections.Frozen;
using AIRisk.Core.Api;

namespace AIRisk.Web.Users;

/// <summary>
/// An immutable copy of the user list with what search and sort need precomputed once: the search index, the users
/// of each role and, lazily, one sorted order per column. Shared by every circuit, so 100,000 users cost memory once.
/// A query finds its matching users first (a set, counted), then walks the sort order only until the page is full.
/// </summary>
public sealed class UserDirectorySnapshot
{
    private readonly UserSearchIndex _search;
    private readonly FrozenDictionary<string, UserSet> _byRole;
    private readonly ConcurrentDictionary<UserSortColumn, int[]> _orders = new();

    public UserDirectorySnapshot(IReadOnlyList<AIRiskUser> users, DateTimeOffset loadedAt)
    {
        Users = users;
        LoadedAt = loadedAt;
        _search = new UserSearchIndex(users);
        ById = users.GroupBy(u => u.Id, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Roles = [.. users.Select(u => u.Role).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase)];
        _byRole = RoleSets(users);
    }

    public IReadOnlyList<AIRiskUser> Users { get; }

    public FrozenDictionary<string, AIRiskUser> ById { get; }

    public IReadOnlyList<string> Roles { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The characters a keystroke scans: every user's folded searchable text.</summary>
    internal UserSearchIndex Search => _search;

    public UserPage Query(UserQuery query)
    {
        var matches = Matches(query);
        var matching = matches?.Count ?? Users.Count;
        var skip = query.Page * query.PageSize;
        var page = new List<AIRiskUser>(Math.Clamp(matching - skip, 0, query.PageSize));
        if (page.Capacity == 0)
            return new UserPage(page, matching, Users.Count);

        var order = Order(query.SortBy);
        var position = 0;
        for (var n = 0; n < order.Length && page.Count < page.Capacity; n++)
        {
            var index = order[query.Descending ? order.Length - 1 - n : n];
            if (matches is not null && !matches.Contains(index))
                continue;
            if (position >= skip)
                page.Add(Users[index]);
            position++;
        }

        return new UserPage(page, matching, Users.Count);
    }

    /// <summary>The page of <paramref name="query"/> that shows <paramref name="userId"/>, or <c>null</c> if no page does.</summary>
    public int? PageOf(string userId, UserQuery query)
    {
        if (!ById.ContainsKey(userId))
            return null;

        var matches = Matches(query);
        var order = Order(query.SortBy);
        var position = 0;
        for (var n = 0; n < order.Length; n++)
        {
            var index = order[query.Descending ? order.Length - 1 - n : n];
            if (matches is not null && !matches.Contains(index))
                continue;
            if (Users[index].Id == userId)
                return position / query.PageSize;
            position++;
        }

        return null;
    }

    /// <summary>The users matching the search and the role; <c>null</c> when neither narrows it (everyone).</summary>
    private UserSet? Matches(UserQuery query)
    {
        // Control characters in the data are spaces in the index; in a term they are dropped.
        var terms = SearchText.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new string([.. t.Where(c => !char.IsControl(c))]))
            .Where(t => t.Length > 0)
            .ToArray();
        var found = _search.Match(terms);
        if (query.Role is null)
            return found;

        // Shared by every query: read, never changed.
        var role = _byRole.GetValueOrDefault(query.Role) ?? new UserSet(Users.Count);
        if (found is null)
            return role;
        found.IntersectWith(role);
        return found;
    }

    private static FrozenDictionary<string, UserSet> RoleSets(IReadOnlyList<AIRiskUser> users)
    {
        var sets = new Dictionary<string, UserSet>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < users.Count; i++)
        {
            if (users[i].Role is not { } role)
                continue;
            if (!sets.TryGetValue(role, out var set))
                sets[role] = set = new UserSet(users.Count);
            set.Add(i);
        }

        return sets.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

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
