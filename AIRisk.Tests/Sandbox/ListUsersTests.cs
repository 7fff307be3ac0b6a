using System.Net;
using System.Text.Json;
using AIRisk.Sandbox.Data;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Sandbox;

public sealed class ListUsersTests
{
    [Theory]
    [InlineData("api/Users/ListUsers")]
    [InlineData("api/ListUsers")]
    public async Task Both_list_users_paths_return_every_seeded_user_as_an_array(string path)
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();

        using var users = await sandbox.GetJsonAsync(path, token);

        Assert.Equal(JsonValueKind.Array, users.RootElement.ValueKind);
        Assert.Equal(
            sandbox.State.Data.Users.Select(u => u.Id),
            users.RootElement.EnumerateArray().Select(u => u.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("api/Users/ListUsers", false, true)]
    [InlineData("api/ListUsers", true, false)]
    public async Task Disabled_list_users_path_answers_404(string path, bool serveDocumented, bool serveLegacy)
    {
        await using var sandbox = await SandboxClient.StartAsync(o =>
        {
            o.ServeDocumentedListUsersPath = serveDocumented;
            o.ServeLegacyListUsersPath = serveLegacy;
        });
        var token = await sandbox.TokenAsync();

        using var response = await sandbox.GetAsync(path, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Wrapped_shape_puts_the_users_under_the_configured_property()
    {
        await using var sandbox = await SandboxClient.StartAsync(o => o.UserListShape = "value");
        var token = await sandbox.TokenAsync();

        using var body = await sandbox.GetJsonAsync("api/Users/ListUsers", token);

        Assert.Equal(sandbox.State.Data.Users.Count, body.RootElement.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Users_are_sent_in_camelCase_with_their_company_and_role()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();

        using var users = await sandbox.GetJsonAsync("api/Users/ListUsers", token);

        var zoe = users.RootElement[0];
        Assert.Equal("Zoë Müller", zoe.GetProperty("displayName").GetString());
        Assert.Equal("zoe.muller@contoso.example", zoe.GetProperty("email").GetString());
        Assert.Equal("Company Admin", zoe.GetProperty("role").GetString());
        Assert.Equal("Contoso", zoe.GetProperty("company").GetString());
        Assert.True(Guid.TryParse(zoe.GetProperty("companyId").GetString(), out _));
        Assert.EndsWith("Z", zoe.GetProperty("lastLogin").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserNaming.DisplayName, new[] { "displayName", "firstName", "lastName", "userName", "email" })]
    [InlineData(UserNaming.FirstAndLastName, new[] { "firstName", "lastName" })]
    [InlineData(UserNaming.UserNameOnly, new[] { "userName" })]
    [InlineData(UserNaming.EmailOnly, new[] { "email" })]
    public async Task Users_carry_only_the_naming_fields_they_have(UserNaming naming, string[] fields)
    {
        string[] namingFields = ["displayName", "firstName", "lastName", "userName", "email"];
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();
        var user = sandbox.State.Data.Users.First(u => u.Naming == naming);

        using var users = await sandbox.GetJsonAsync("api/Users/ListUsers", token);

        var sent = users.RootElement.EnumerateArray().Single(u => u.GetProperty("id").GetString() == user.Id);
        Assert.Equal(fields.Order(), sent.EnumerateObject().Select(p => p.Name).Where(namingFields.Contains).Order());
    }

    [Fact]
    public async Task Hundred_thousand_user_seed_lists_every_user()
    {
        await using var sandbox = await SandboxClient.StartAsync(o => o.UserCount = 100_000);
        var token = await sandbox.TokenAsync();

        using var users = await sandbox.GetJsonAsync("api/Users/ListUsers", token);

        Assert.Equal(100_000, users.RootElement.GetArrayLength());
        Assert.Equal(sandbox.User(99_999).Id, users.RootElement[99_999].GetProperty("id").GetString());
    }
}
