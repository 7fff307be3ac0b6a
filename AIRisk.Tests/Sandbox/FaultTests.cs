using System.Net;
using System.Text.Json;
using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Sandbox;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNext_fails_only_the_next_matching_request()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();
        sandbox.State.Faults.FailNext("/API/users/", 1, FaultKind.Status, 503);

        using var failed = await sandbox.GetAsync("api/Users/ListUsers", token);
        using var next = await sandbox.GetAsync("api/Users/ListUsers", token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("Injected fault", await failed.Content.ReadAsStringAsync(SandboxClient.Ct));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Random_faults_fail_about_the_chosen_share_of_matching_requests_only()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();
        sandbox.State.Faults.FailRandomly(0.5, ("/api/Users/", FaultKind.Status, 503));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await sandbox.GetAsync("api/Users/ListUsers", token);
            statuses.Add(response.StatusCode);
        }

        using var other = await sandbox.GetAsync("api/ListUsers", token);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.ServiceUnavailable), 60, 140);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Token_endpoint_fault_fails_the_exchange()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var code = await sandbox.CodeAsync();
        sandbox.State.Faults.FailNext("/api/oauth2/Token", 1, FaultKind.Problem, 502);

        using var response = await sandbox.ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HtmlPage_fault_sends_an_html_error_page()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();
        sandbox.State.Faults.FailNext("/api/", 1, FaultKind.HtmlPage, 502);

        using var response = await sandbox.GetAsync("api/Users/ListUsers", token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", await response.Content.ReadAsStringAsync(SandboxClient.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_fault_sends_json_that_does_not_parse()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();
        sandbox.State.Faults.FailNext("/api/Users/ListUsers", 1, FaultKind.MalformedJson);

        using var response = await sandbox.GetAsync("api/Users/ListUsers", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await Assert.ThrowsAnyAsync<JsonException>(() => SandboxClient.ReadJsonAsync(response));
    }

    [Fact]
    public async Task Hang_fault_waits_until_the_client_cancels()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();
        sandbox.State.Faults.FailNext("/api/Users/ListUsers", 1, FaultKind.Hang);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(SandboxClient.Ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(300));
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/Users/ListUsers") { Headers = { Authorization = new("Bearer", token) } };

        var send = sandbox.Http.SendAsync(request, timeout.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }

    [Fact]
    public async Task Drop_fault_aborts_the_connection()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        sandbox.State.Faults.FailNext("/api/oauth2", 1, FaultKind.Drop);

        var failure = await Record.ExceptionAsync(() => sandbox.AuthorizeAsync());

        Assert.IsType<HttpRequestException>(failure);
    }

    [Fact]
    public async Task Faults_are_taken_in_the_order_they_were_queued()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.TokenAsync();
        sandbox.State.Faults.FailNext("/api/", 1, FaultKind.Status, 500);
        sandbox.State.Faults.FailNext("/api/Users/", 1, FaultKind.Status, 503);

        using var first = await sandbox.GetAsync("api/Users/ListUsers", token);
        using var second = await sandbox.GetAsync("api/Users/ListUsers", token);

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable], [first.StatusCode, second.StatusCode]);
    }
}
