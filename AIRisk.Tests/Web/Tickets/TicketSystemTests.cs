using AIRisk.Sandbox;
using AIRisk.Sandbox.Faults;
using AIRisk.Web.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Tickets;

/// <summary>The Zendesk and Jira adapters over real HTTP against the sandbox's Zendesk and Jira endpoints.</summary>
public sealed class TicketSystemTests
{
    private static CancellationToken Ct => TicketSandbox.Ct;

    [Theory]
    [InlineData("zendesk", "open")]
    [InlineData("jira", "In Progress")]
    public async Task An_open_ticket_is_read_with_its_assignee_and_requester_emails(string system, string status)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);
        var created = tickets.Sandbox.State.Tickets.Create("zoe.mueller@example.com", "ann.staff@support.example", "open");

        var ticket = await tickets.System.GetAsync(tickets.IdOf(created), Ct);

        Assert.Equal(new Ticket(tickets.IdOf(created), status, true, "ann.staff@support.example", "zoe.mueller@example.com"), ticket);
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    public async Task A_seeded_ticket_is_open_unassigned_and_requested_by_its_demo_user(string system)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);
        var user = tickets.Sandbox.State.Data.Users[0];
        var seeded = tickets.Sandbox.State.Tickets.OpenTicketOf(user.Email!)!;

        var ticket = await tickets.System.GetAsync(tickets.IdOf(seeded), Ct);

        Assert.True(ticket.IsOpen);
        Assert.Null(ticket.AssigneeEmail);
        Assert.Equal(user.Email, ticket.RequesterEmail);
    }

    [Theory]
    [InlineData("zendesk", "solved", "solved")]
    [InlineData("zendesk", "closed", "closed")]
    [InlineData("jira", "solved", "Resolved")]
    [InlineData("jira", "closed", "Closed")]
    public async Task A_solved_or_closed_ticket_is_read_as_not_open(string system, string status, string shown)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);
        var created = tickets.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null, status);

        var ticket = await tickets.System.GetAsync(tickets.IdOf(created), Ct);

        Assert.False(ticket.IsOpen);
        Assert.Equal(shown, ticket.Status);
    }

    [Theory]
    [InlineData("zendesk", "ZENDESK_API_TOKEN")]
    [InlineData("jira", "JIRA_API_TOKEN")]
    public async Task Wrong_credentials_are_named_as_refused_without_the_token(string system, string tokenKey)
    {
        const string wrong = "wrong-token-7f3a9c21e5";
        await using var tickets = await TicketSandbox.StartAsync(system, new() { [tokenKey] = wrong });

        var e = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.System.GetAsync(tickets.IdOf(tickets.Sandbox.State.Tickets.Find(1001)!), Ct));

        Assert.Equal(TicketProblem.Unauthorized, e.Problem);
        Assert.Contains("refused the console's API account (401)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxOptions.DemoTicketApiToken, e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zendesk", "987654")]
    [InlineData("jira", "SUP-987654")]
    public async Task A_ticket_the_system_does_not_have_is_not_found(string system, string id)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);

        var e = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.System.GetAsync(id, Ct));

        Assert.Equal(TicketProblem.NotFound, e.Problem);
        Assert.Contains($"has no ticket {id}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    public async Task A_rate_limit_is_named_with_when_to_try_again(string system)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);
        tickets.Sandbox.State.Faults.FailNext(tickets.ApiPrefix, 1, FaultKind.RetryAfter, 429);

        var e = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.System.GetAsync(tickets.IdOf(tickets.Sandbox.State.Tickets.Find(1001)!), Ct));

        Assert.Equal(TicketProblem.RateLimited, e.Problem);
        Assert.Contains("(429)", e.Message, StringComparison.Ordinal);
        Assert.Contains("try again in 30 s", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    public async Task A_server_error_is_unavailable(string system)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);
        tickets.Sandbox.State.Faults.FailNext(tickets.ApiPrefix, 1, FaultKind.HtmlPage, 503);

        var e = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.System.GetAsync(tickets.IdOf(tickets.Sandbox.State.Tickets.Find(1001)!), Ct));

        Assert.Equal(TicketProblem.Unavailable, e.Problem);
        Assert.Contains("is unavailable (503 Service Unavailable) while reading ticket", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    public async Task No_answer_in_time_is_unavailable(string system)
    {
        await using var tickets = await TicketSandbox.StartAsync(system, new() { [TicketOptions.TimeoutSecondsKey] = "0.5" });
        tickets.Sandbox.State.Faults.FailNext(tickets.ApiPrefix, 1, FaultKind.Hang);

        var e = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.System.GetAsync(tickets.IdOf(tickets.Sandbox.State.Tickets.Find(1001)!), Ct));

        Assert.Equal(TicketProblem.Unavailable, e.Problem);
        Assert.Contains("did not answer within 0.5 s", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    public async Task A_refused_connection_is_unavailable(string system)
    {
        var gone = await SandboxHost.StartAsync(ct: Ct);
        var settings = gone.TicketSettings(system);
        await gone.DisposeAsync();
        await using var services = TicketSandbox.Services(settings);
        var tickets = services.GetRequiredService<ITicketSystem>();

        var e = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.GetAsync(system == "jira" ? "SUP-1001" : "1001", Ct));

        Assert.Equal(TicketProblem.Unavailable, e.Problem);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    public async Task An_answer_that_is_not_json_is_malformed(string system)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);
        tickets.Sandbox.State.Faults.FailNext(tickets.ApiPrefix, 1, FaultKind.MalformedJson);

        var e = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.System.GetAsync(tickets.IdOf(tickets.Sandbox.State.Tickets.Find(1001)!), Ct));

        Assert.Equal(TicketProblem.Malformed, e.Problem);
        Assert.Contains("not its documented JSON", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zendesk", "12a")]
    [InlineData("zendesk", "../users/1")]
    [InlineData("zendesk", "SUP-1001")]
    [InlineData("zendesk", "")]
    [InlineData("jira", "sup-1001")]
    [InlineData("jira", "1001")]
    [InlineData("jira", "SUP-1001/comment")]
    [InlineData("jira", "SUP-1001?fields=x")]
    public async Task A_malformed_id_is_refused_before_any_request(string system, string id)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);

        var read = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.System.GetAsync(id, Ct));
        var note = await Assert.ThrowsAsync<TicketSystemException>(() => tickets.System.AddInternalNoteAsync(id, "note", Ct));

        Assert.False(tickets.System.IsWellFormed(id));
        Assert.Equal(TicketProblem.NotFound, read.Problem);
        Assert.Equal(TicketProblem.NotFound, note.Problem);
        Assert.Equal(0, tickets.TicketRequests);
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    public async Task A_note_is_written_as_internal_with_its_body(string system)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);
        var created = tickets.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);
        const string body = "AIRisk Console acting session s-1 ended.\nConversations viewed (1):\n- “Zoë’s <b>plan</b>”";

        await tickets.System.AddInternalNoteAsync(tickets.IdOf(created), body, Ct);

        var note = Assert.Single(tickets.Sandbox.State.Tickets.NotesOf(created.Number));
        Assert.False(note.Public);
        Assert.Equal(body, note.Body);
        Assert.Equal(SandboxOptions.DemoTicketEmail, note.AuthorEmail);
        Assert.Equal(system, note.Via);
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    public async Task A_note_taken_with_an_answer_that_is_not_json_counts_as_taken(string system)
    {
        await using var tickets = await TicketSandbox.StartAsync(system);
        tickets.Sandbox.State.Faults.FailNext(tickets.ApiPrefix, 1, FaultKind.MalformedJson);

        await tickets.System.AddInternalNoteAsync(tickets.IdOf(tickets.Sandbox.State.Tickets.Find(1001)!), "note", Ct);

        Assert.Equal(1, tickets.TicketRequests);
    }

    [Fact]
    public async Task The_link_to_a_ticket_opens_it_in_the_systems_own_ui()
    {
        await using var zendesk = await TicketSandbox.StartAsync("zendesk");
        await using var jira = await TicketSandbox.StartAsync("jira");

        Assert.Equal(new Uri(zendesk.Sandbox.BaseAddress, "agent/tickets/1001"), zendesk.System.LinkTo("1001"));
        Assert.Equal(new Uri(jira.Sandbox.BaseAddress, "browse/SUP-1001"), jira.System.LinkTo("SUP-1001"));
    }
}
