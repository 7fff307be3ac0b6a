using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AIRisk.Sandbox;
using AIRisk.Sandbox.Data.Tickets;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Tickets;

namespace AIRisk.Tests.Sandbox;

/// <summary>The sandbox's Zendesk and Jira endpoints over raw HTTP: authentication, documented shapes, control endpoints.</summary>
public sealed class TicketEndpointTests
{
    private const string Zendesk = $"{SandboxOptions.DemoTicketEmail}/token:{SandboxOptions.DemoTicketApiToken}";
    private const string Jira = $"{SandboxOptions.DemoTicketEmail}:{SandboxOptions.DemoTicketApiToken}";

    private static CancellationToken Ct => SandboxClient.Ct;

    [Theory]
    [InlineData(null)]
    [InlineData($"{SandboxOptions.DemoTicketEmail}/token:wrong")]
    [InlineData(Jira)]
    public async Task Zendesk_refuses_a_request_without_its_api_token_authentication_in_its_error_shape(string? credentials)
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await SendAsync(sandbox, HttpMethod.Get, "api/v2/tickets/1001.json", credentials);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = await SandboxClient.ReadJsonAsync(response);
        Assert.Equal("Couldn't authenticate you", body.RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Zendesk)]
    public async Task Jira_refuses_a_request_without_its_basic_authentication_in_its_error_shape(string? credentials)
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await SendAsync(sandbox, HttpMethod.Get, "rest/api/3/issue/SUP-1001?fields=status,assignee,reporter", credentials);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = await SandboxClient.ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("errorMessages").ValueKind);
    }

    [Fact]
    public async Task Credentials_other_than_the_demo_ones_are_taken_when_configured()
    {
        await using var sandbox = await SandboxClient.StartAsync(o => (o.TicketEmail, o.TicketApiToken) = ("agent@acme.example", "t0ken"));

        using var demo = await SendAsync(sandbox, HttpMethod.Get, "api/v2/tickets/1001.json", Zendesk);
        using var configured = await SendAsync(sandbox, HttpMethod.Get, "api/v2/tickets/1001.json", "agent@acme.example/token:t0ken");

        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
    }

    [Fact]
    public async Task A_zendesk_ticket_and_its_users_have_the_documented_fields()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var created = sandbox.State.Tickets.Create("zoe@example.com", "ann@support.example", "pending");

        using var ticketResponse = await SendAsync(sandbox, HttpMethod.Get, $"api/v2/tickets/{created.Number}.json", Zendesk);
        using var ticket = await SandboxClient.ReadJsonAsync(ticketResponse);
        var fields = ticket.RootElement.GetProperty("ticket");
        using var requester = await GetJsonAsync(sandbox, $"api/v2/users/{fields.GetProperty("requester_id").GetInt64()}.json");
        using var assignee = await GetJsonAsync(sandbox, $"api/v2/users/{fields.GetProperty("assignee_id").GetInt64()}.json");

        Assert.Equal(created.Number, fields.GetProperty("id").GetInt64());
        Assert.Equal("pending", fields.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, fields.GetProperty("group_id").ValueKind);
        Assert.Equal("zoe@example.com", requester.RootElement.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("end-user", requester.RootElement.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal("ann@support.example", assignee.RootElement.GetProperty("user").GetProperty("email").GetString());
    }

    [Fact]
    public async Task An_unknown_zendesk_ticket_is_404_in_zendesk_shape()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await SendAsync(sandbox, HttpMethod.Get, "api/v2/tickets/999999.json", Zendesk);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"RecordNotFound","description":"Not found"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_jira_issue_has_its_status_category_and_the_emails_of_assignee_and_reporter()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var created = sandbox.State.Tickets.Create("zoe@example.com", null, "solved");

        using var issue = await GetJsonAsync(sandbox, $"rest/api/3/issue/{created.JiraKey}?fields=status,assignee,reporter", Jira);

        var fields = issue.RootElement.GetProperty("fields");
        Assert.Equal(created.JiraKey, issue.RootElement.GetProperty("key").GetString());
        Assert.Equal("done", fields.GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, fields.GetProperty("assignee").ValueKind);
        Assert.Equal("zoe@example.com", fields.GetProperty("reporter").GetProperty("emailAddress").GetString());
    }

    [Fact]
    public async Task A_zendesk_comment_without_public_false_is_public_as_in_zendesk()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await SendAsync(sandbox, HttpMethod.Put, "api/v2/tickets/1001.json", Zendesk, new { ticket = new { comment = new { body = "hello" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(sandbox.State.Tickets.NotesOf(1001)).Public);
    }

    [Fact]
    public async Task A_jira_request_comment_is_created_with_its_visibility()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var response = await SendAsync(sandbox, HttpMethod.Post, "rest/servicedeskapi/request/SUP-1001/comment", Jira, new { body = "internal", @public = false });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var comment = await SandboxClient.ReadJsonAsync(response);
        Assert.False(comment.RootElement.GetProperty("public").GetBoolean());
        Assert.Equal(new TicketNote(1001, "internal", false, SandboxOptions.DemoTicketEmail, "jira", Assert.Single(sandbox.State.Tickets.NotesOf(1001)).At), sandbox.State.Tickets.NotesOf(1001)[0]);
    }

    [Fact]
    public async Task Control_endpoints_create_change_and_show_the_notes_of_a_ticket()
    {
        await using var sandbox = await SandboxClient.StartAsync();

        using var created = await sandbox.Http.PostAsJsonAsync("sandbox/tickets", new { requester = "zoe@example.com", assignee = "ann@support.example" }, Ct);
        var ticket = (await created.Content.ReadFromJsonAsync<SandboxTicket>(Ct))!;
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"sandbox/tickets/{ticket.Number}") { Content = JsonContent.Create(new { status = "solved", assignee = "" }) };
        using var changed = await sandbox.Http.SendAsync(patch, Ct);
        using var _ = await SendAsync(sandbox, HttpMethod.Put, $"api/v2/tickets/{ticket.Number}.json", Zendesk, new { ticket = new { comment = new { body = "note", @public = false } } });
        var notes = await sandbox.Http.GetFromJsonAsync<JsonElement>($"sandbox/tickets/{ticket.Number}/notes", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("open", ticket.Status);
        Assert.Equal(ticket with { Status = "solved", AssigneeEmail = null }, await changed.Content.ReadFromJsonAsync<SandboxTicket>(Ct));
        var note = Assert.Single(notes.EnumerateArray());
        Assert.Equal("note", note.GetProperty("body").GetString());
        Assert.False(note.GetProperty("public").GetBoolean());
        Assert.Equal(SandboxOptions.DemoTicketEmail, note.GetProperty("authorEmail").GetString());
    }

    [Fact]
    public async Task Seeded_tickets_are_the_same_on_every_start_with_the_same_seed()
    {
        await using var first = await SandboxClient.StartAsync();
        await using var second = await SandboxClient.StartAsync();

        var tickets = first.State.Data.Users.Select(u => u.Email is { } email ? first.State.Tickets.OpenTicketOf(email) : null).ToList();

        Assert.Equal(tickets, second.State.Data.Users.Select(u => u.Email is { } email ? second.State.Tickets.OpenTicketOf(email) : null));
        Assert.Contains(tickets, t => t is not null);
        Assert.Contains(Enumerable.Range(1001, 40).Select(n => first.State.Tickets.Find(n)?.Status), s => s is "solved" or "closed");
    }

    [Theory]
    [InlineData("zendesk", TicketOptions.ZendeskUrlKey, TicketOptions.ZendeskEmailKey, TicketOptions.ZendeskApiTokenKey)]
    [InlineData("jira", TicketOptions.JiraUrlKey, TicketOptions.JiraEmailKey, TicketOptions.JiraApiTokenKey)]
    public async Task The_sandbox_hands_out_its_ticket_settings_under_the_keys_the_console_reads(string system, string url, string email, string token)
    {
        await using var sandbox = await SandboxHost.StartAsync(ct: Ct);

        var settings = sandbox.TicketSettings(system);

        Assert.Equal(new Dictionary<string, string?>
        {
            [TicketOptions.SystemKey] = system,
            [url] = sandbox.BaseAddress.ToString(),
            [email] = SandboxOptions.DemoTicketEmail,
            [token] = SandboxOptions.DemoTicketApiToken,
        }, settings);
    }

    private static async Task<JsonDocument> GetJsonAsync(SandboxClient sandbox, string path, string credentials = Zendesk)
    {
        using var response = await SendAsync(sandbox, HttpMethod.Get, path, credentials);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SandboxClient.ReadJsonAsync(response);
    }

    private static Task<HttpResponseMessage> SendAsync(SandboxClient sandbox, HttpMethod method, string path, string? credentials, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (credentials is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return sandbox.Http.SendAsync(request, Ct);
    }
}
