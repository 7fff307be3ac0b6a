using AIRisk.Core.Api;
using AIRisk.Core.Configuration;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Core.Api;

public sealed class UsersClientTests
{
    [Fact]
    public async Task Lists_every_seeded_user_with_a_display_name()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();

        var users = await circuit.Get<AIRiskUsersClient>().ListUsersAsync(TestContext.Current.CancellationToken);

        Assert.Equal(harness.State.Data.Users.Count, users.Count);
        Assert.All(users, u => Assert.False(string.IsNullOrWhiteSpace(u.DisplayName)));
        Assert.Contains(users, u => u.DisplayName == "Zoë Müller");
    }

    [Theory]
    [InlineData("api")]
    [InlineData("api/")]
    public async Task A_base_url_copied_with_its_api_path_still_reaches_AIRisk(string suffix)
    {
        await using var harness = await CoreHarness.StartAsync(settings: s => s[AIRiskKeys.BaseUrl] += suffix);
        await using var circuit = harness.NewCircuit();

        var users = await circuit.Get<AIRiskUsersClient>().ListUsersAsync(TestContext.Current.CancellationToken);

        Assert.Equal(harness.State.Data.Users.Count, users.Count);
        Assert.DoesNotContain(harness.State.Requests.Snapshot(), r => r.Path.StartsWith("/api/api", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("users")]
    [InlineData("data")]
    [InlineData("items")]
    [InlineData("value")]
    public async Task Reads_a_user_list_wrapped_in_an_object(string wrapper)
    {
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.UserListShape = wrapper);
        await using var circuit = harness.NewCircuit();

        var users = await circuit.Get<AIRiskUsersClient>().ListUsersAsync(TestContext.Current.CancellationToken);

        Assert.Equal(harness.State.Data.Users.Count, users.Count);
    }

    [Fact]
    public async Task Falls_back_to_the_other_path_on_404_and_remembers_it()
    {
        await using var harness = await CoreHarness.StartAsync(sandbox: o => o.ServeDocumentedListUsersPath = false);
        await using var circuit = harness.NewCircuit();
        var client = circuit.Get<AIRiskUsersClient>();
        var ct = TestContext.Current.CancellationToken;

        var first = await client.ListUsersAsync(ct);
        var second = await client.ListUsersAsync(ct);

        Assert.Equal(first.Count, second.Count);
        var listCalls = harness.State.Requests.Snapshot().Where(r => r.Kind == RequestKind.Api).ToList();
        Assert.Equal(1, listCalls.Count(r => r.Status == 404));
        Assert.Equal(2, listCalls.Count(r => r.Status == 200 && r.Path.Equals("/api/ListUsers", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Configured_path_is_tried_first()
    {
        await using var harness = await CoreHarness.StartAsync(settings: s => s[AIRiskKeys.ListUsersPath] = "/api/ListUsers");
        await using var circuit = harness.NewCircuit();

        await circuit.Get<AIRiskUsersClient>().ListUsersAsync(TestContext.Current.CancellationToken);

        var call = Assert.Single(harness.State.Requests.Snapshot(), r => r.Kind == RequestKind.Api);
        Assert.Equal("/api/ListUsers", call.Path, ignoreCase: true);
    }

    [Fact]
    public async Task An_HTML_error_page_is_named_as_such()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        harness.State.Faults.FailNext("/api/Users/ListUsers", 3, FaultKind.HtmlPage, 502);

        var error = await Assert.ThrowsAsync<AIRiskApiException>(() => circuit.Get<AIRiskUsersClient>().ListUsersAsync(TestContext.Current.CancellationToken));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("HTML error page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_JSON_is_reported_not_thrown_raw()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        harness.State.Faults.FailNext("/api/Users/ListUsers", 1, FaultKind.MalformedJson);

        var error = await Assert.ThrowsAsync<AIRiskApiException>(() => circuit.Get<AIRiskUsersClient>().ListUsersAsync(TestContext.Current.CancellationToken));

        Assert.Contains("not the JSON expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_token_cannot_be_used_for_the_user_list()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var circuit = harness.NewCircuit();
        var ct = TestContext.Current.CancellationToken;
        await circuit.Tokens.ActAsAsync(harness.Sandbox.User(0), ct);

        await circuit.Get<AIRiskUsersClient>().ListUsersAsync(ct);

        var call = Assert.Single(harness.State.Requests.Snapshot(), r => r.Kind == RequestKind.Api);
        Assert.Equal(TokenKind.Generic, call.TokenKind);
    }
}
