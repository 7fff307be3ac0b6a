using System.Text.Json;
using AIRisk.Core.Api;

namespace AIRisk.Tests.Core.Api;

/// <summary>ListUsers' shape is undocumented; these are the readings the sandbox does not serve.</summary>
public sealed class UserListReaderTests
{
    [Theory]
    [InlineData("""[{"id":"1","displayName":"Ann Lee"}]""", "Ann Lee")]
    [InlineData("""[{"userId":"1","name":"Ann Lee"}]""", "Ann Lee")]
    [InlineData("""[{"userID":"1","fullName":"Ann Lee"}]""", "Ann Lee")]
    [InlineData("""[{"applicationUserId":"1","firstName":"Ann","lastName":"Lee"}]""", "Ann Lee")]
    [InlineData("""[{"Id":"1","UserName":"alee"}]""", "alee")]
    [InlineData("""[{"id":"1","email":"ann@example.com"}]""", "ann@example.com")]
    [InlineData("""[{"id":"1"}]""", "1")]
    [InlineData("""{"value":[{"id":1,"firstName":"Ann"}]}""", "Ann")]
    public void Builds_a_display_name_from_whatever_exists(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        var user = Assert.Single(UserListReader.Read(document.RootElement));

        Assert.Equal("1", user.Id);
        Assert.Equal(expected, user.DisplayName);
    }

    [Theory]
    [InlineData("""[{"id":"1","roles":["User","Company Admin"]}]""")]
    [InlineData("""[{"id":"1","role":"User","roles":["Company Admin"]}]""")]
    [InlineData("""[{"id":"1","role":["User","Company Admin"]}]""")]
    public void Reads_every_role_not_only_the_first(string json)
    {
        using var document = JsonDocument.Parse(json);

        var user = Assert.Single(UserListReader.Read(document.RootElement));

        Assert.Equal(["User", "Company Admin"], user.Roles);
        Assert.Equal("User", user.Role);
    }

    [Fact]
    public void Keeps_role_company_and_unknown_fields()
    {
        using var document = JsonDocument.Parse("""[{"id":"1","name":"Ann","role":"Company Admin","company":{"name":"Contoso"},"companyId":"c1","lastLogin":"2025-01-01"}]""");

        var user = Assert.Single(UserListReader.Read(document.RootElement));

        Assert.Equal("Company Admin", user.Role);
        Assert.Equal("Contoso", user.Company);
        Assert.Equal("c1", user.CompanyId);
        Assert.Contains(new KeyValuePair<string, string>("lastLogin", "2025-01-01"), user.Details);
    }

    [Fact]
    public void Reads_escaped_and_very_long_field_names()
    {
        const string LongName = "aFieldNameLongerThanSixtyFourCharactersThatNoKnownAIRiskTenantWouldSend";
        using var document = JsonDocument.Parse($$"""[{"\u0069d":"1","display\u004Eame":"Ann Lee","{{LongName}}":"x"}]""");

        var user = Assert.Single(UserListReader.Read(document.RootElement));

        Assert.Equal("1", user.Id);
        Assert.Equal("Ann Lee", user.DisplayName);
        Assert.Contains(new KeyValuePair<string, string>(LongName, "x"), user.Details);
    }

    [Fact]
    public void Skips_entries_without_an_id()
    {
        using var document = JsonDocument.Parse("""[{"name":"ghost"},{"id":"2","name":"Bo"}]""");

        var users = UserListReader.Read(document.RootElement);

        Assert.Equal("Bo", Assert.Single(users).DisplayName);
    }

    [Fact]
    public void Rejects_a_shape_with_no_list_in_it()
    {
        using var document = JsonDocument.Parse("""{"message":"ok"}""");

        Assert.Throws<JsonException>(() => UserListReader.Read(document.RootElement));
    }
}
