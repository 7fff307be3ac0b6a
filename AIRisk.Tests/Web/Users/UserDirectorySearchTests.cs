using AIRisk.Core.Api;
using AIRisk.Web.Users;

namespace AIRisk.Tests.Web.Users;

public sealed class UserDirectorySearchTests
{
    private static readonly UserDirectorySnapshot Snapshot = new(
    [
        new AIRiskUser("u-1", "Zoë Müller", "zoe.muller@contoso.example", "Company Admin") { Details = [new("userName", "zmuller")] },
        new AIRiskUser("u-2", "Seán O'Brien", "sean@fabrikam.example", "User"),
        new AIRiskUser("u-3", "山田 太郎", "yamada@contoso.example", "Monitor"),
    ], DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("mullerzoe")]
    [InlineData("exampleu-1")]
    [InlineData("adminsean")]
    public void A_term_spanning_two_fields_or_two_users_does_not_match(string search) =>
        Assert.Empty(Snapshot.Query(new UserQuery(Search: search)).Items);

    [Theory]
    [InlineData("ZOE", "u-1")]
    [InlineData("sean o", "u-2")]
    [InlineData("zmuller", "u-1")]
    [InlineData("company admin", "u-1")]
    [InlineData("山田", "u-3")]
    [InlineData("u-2", "u-2")]
    public void Every_field_staff_search_by_finds_the_user_ignoring_case_and_accents(string search, string expected)
    {
        var page = Snapshot.Query(new UserQuery(Search: search));

        Assert.Equal([expected], page.Items.Select(u => u.Id));
    }

    [Fact]
    public void Every_term_must_match()
    {
        Assert.Equal(["u-3"], Snapshot.Query(new UserQuery(Search: "contoso monitor")).Items.Select(u => u.Id));
        Assert.Empty(Snapshot.Query(new UserQuery(Search: "contoso fabrikam")).Items);
    }
}
