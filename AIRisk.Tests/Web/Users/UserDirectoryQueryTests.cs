using System.Globalization;
using AIRisk.Core.Api;
using AIRisk.Web.Users;

namespace AIRisk.Tests.Web.Users;

/// <summary>Search, role filter, sort and paging as the table, the quick switcher and deep links see them: through the snapshot's public API.</summary>
public sealed class UserDirectoryQueryTests
{
    [Fact]
    public void A_role_filter_narrows_a_search_whatever_the_case_of_the_role()
    {
        var snapshot = new UserDirectorySnapshot([User(1, "Ann Lee", role: "Monitor"), User(2, "Ann Smith"), User(3, "Bo Chan", role: "Monitor")], DateTimeOffset.UnixEpoch);

        var page = snapshot.Query(new UserQuery("ann", Role: "monitor"));

        Assert.Equal(["Ann Lee"], page.Items.Select(u => u.DisplayName));
    }

    [Fact]
    public void A_page_holds_the_matching_users_in_sort_order()
    {
        var snapshot = new UserDirectorySnapshot([.. "EGACFDB".Select((c, i) => User(i, $"{c} Lee")), User(9, "A Chan")], DateTimeOffset.UnixEpoch);

        var page = snapshot.Query(new UserQuery("lee", Descending: true, Page: 1, PageSize: 3));

        Assert.Equal(["D Lee", "C Lee", "B Lee"], page.Items.Select(u => u.DisplayName));
        Assert.Equal((7, 8), (page.Matching, page.Total));
    }

    [Fact]
    public void The_page_of_a_user_counts_only_the_users_the_search_shows()
    {
        var snapshot = new UserDirectorySnapshot([.. "ABCDEFG".Select((c, i) => User(i, $"{c} {(i % 2 == 0 ? "Lee" : "Chan")}"))], DateTimeOffset.UnixEpoch);
        var leeIds = snapshot.Users.Where(u => u.DisplayName.EndsWith("Lee", StringComparison.Ordinal)).Select(u => u.Id).ToList();
        var chanId = snapshot.Users.First(u => u.DisplayName.EndsWith("Chan", StringComparison.Ordinal)).Id;

        var pages = leeIds.Select(id => snapshot.PageOf(id, new UserQuery("lee", PageSize: 2))).ToList();
        var excluded = snapshot.PageOf(chanId, new UserQuery("lee", PageSize: 2));

        Assert.Equal([0, 0, 1, 1], pages);
        Assert.Null(excluded);
    }

    [Fact]
    public void Search_results_are_those_of_a_plain_filter_over_each_field()
    {
        string[] first = ["Zoë", "Seán", "Ann", "Bjørn", "Łukasz", "Maëlle", "José", "Anne-Marie"];
        string[] last = ["Müller", "Ó Briain", "Lee", "Æsir", "Strauß", "Núñez", "Lee-Smith", "Dvořák"];
        var users = Enumerable.Range(0, 3_000)
            .Select(i => User(i, $"{first[i % first.Length]} {last[i / first.Length % last.Length]}", $"user{i % 97}@{last[i % last.Length][..2]}.example", i % 5 == 0 ? "Monitor" : "User"))
            .ToList();
        var snapshot = new UserDirectorySnapshot(users, DateTimeOffset.UnixEpoch);
        string[] searches = ["zoe", "SEAN o", "ann lee", "bjorn", "strauss", "ae", "user1 mu", "monitor lee", "nunez jose", "00000000123 zoe", "-", "xyz"];

        var results = searches.Select(s => snapshot.Query(new UserQuery(s, PageSize: users.Count)).Items.Select(u => u.DisplayName)).ToList();

        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var expected = searches.Select(s => users
            .Where(u => SearchText.Fold(s).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .All(term => new[] { u.DisplayName, u.Email, u.Id, u.Role }.Any(field => SearchText.Fold(field).Contains(term, StringComparison.Ordinal))))
            .Select(u => u.DisplayName)
            .Order(comparer)).ToList();
        Assert.Equal(expected, results);
    }

    private static AIRiskUser User(int n, string name, string? email = null, string role = "User") =>
        new(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{n:D12}"), name, email, role);
}
