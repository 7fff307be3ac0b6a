using System.Globalization;
using AIRisk.Sandbox.Data.Tickets;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using AIRisk.Web.Alerts.Delivery;
using AIRisk.Web.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Tickets.Notes;

/// <summary>The note an acting session's ticket gets at the end, through the audit stream's outbox, to the sandbox's Zendesk.</summary>
public sealed class TicketNoteTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_with_a_ticket_ending_adds_one_internal_note_with_the_session_staff_and_conversations_viewed()
    {
        await using var node = await TicketNoteNode.StartAsync(publicHost: "console.example.com");
        var ticket = node.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);
        var later = node.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);

        var session = await node.ActAndStopAsync(Id(ticket), "Quarterly plan", "Zoë’s questions");
        await node.ActAndStopAsync(Id(later));

        await WaitForNotesAsync(node, later, 1);
        var note = Assert.Single(node.Sandbox.State.Tickets.NotesOf(ticket.Number));
        Assert.False(note.Public);
        Assert.StartsWith($"AIRisk Console acting session {session} ended.", note.Body, StringComparison.Ordinal);
        Assert.Contains("Staff member: Ann Staff (staff-1)", note.Body, StringComparison.Ordinal);
        Assert.Contains("Acted as: Zoë Müller (user-1)", note.Body, StringComparison.Ordinal);
        Assert.Contains("Duration: 12 min", note.Body, StringComparison.Ordinal);
        Assert.Contains("Conversations viewed (2):\n- conversation c-0 “Quarterly plan”\n- conversation c-1 “Zoë’s questions”\n", note.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Writes made as the user (1):", note.Body, StringComparison.Ordinal);
        Assert.Contains("question in “Plan”", note.Body, StringComparison.Ordinal);
        Assert.EndsWith($"Timeline: https://console.example.com/audit?session={session}", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jira_ticket_gets_its_note_as_an_internal_request_comment()
    {
        await using var node = await TicketNoteNode.StartAsync(system: "jira");
        var ticket = node.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);

        var session = await node.ActAndStopAsync(ticket.JiraKey, "Quarterly plan");

        var note = Assert.Single(await WaitForNotesAsync(node, ticket, 1));
        Assert.Equal(("jira", false), (note.Via, note.Public));
        Assert.StartsWith($"AIRisk Console acting session {session} ended.", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_system_that_is_down_gets_the_note_once_it_is_back()
    {
        await using var node = await TicketNoteNode.StartAsync();
        var ticket = node.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);
        node.Sandbox.State.Faults.FailNext("/api/v2/tickets/", 4, FaultKind.Status, 503);

        var session = await node.ActAndStopAsync(Id(ticket), "Quarterly plan");

        var note = Assert.Single(await WaitForNotesAsync(node, ticket, 1));
        Assert.Contains(session, note.Body, StringComparison.Ordinal);
        Assert.Equal(4, node.Sandbox.State.Requests.Snapshot().Count(r => r is { Method: "PUT", Status: 503 }));
    }

    [Fact]
    public async Task A_session_without_a_ticket_adds_no_note()
    {
        await using var node = await TicketNoteNode.StartAsync();
        var ticket = node.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);

        await node.ActAndStopAsync(ticket: null, "Quarterly plan");
        await node.ActAndStopAsync(Id(ticket));

        await WaitForNotesAsync(node, ticket, 1);
        Assert.Single(node.Sandbox.State.Requests.Snapshot(), r => r.Kind == RequestKind.Tickets);
    }

    [Fact]
    public async Task A_ticket_the_system_no_longer_has_is_skipped_on_record_and_later_notes_still_arrive()
    {
        await using var node = await TicketNoteNode.StartAsync();
        var ticket = node.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);

        var lost = await node.ActAndStopAsync("987654");
        await node.ActAndStopAsync(Id(ticket));

        await WaitForNotesAsync(node, ticket, 1);
        var page = await node.Trail.QueryAsync(new AuditQuery { SessionId = lost }, Ct);
        var skipped = Assert.Single(page.Items, e => e.Action == AuditAction.TicketNote);
        Assert.Equal(AuditOutcome.Failed, skipped.Outcome);
        Assert.Equal("Zendesk has no ticket 987654 (or the console's API account may not see it).", skipped.Error);
    }

    [Fact]
    public async Task Without_staff_sign_in_the_note_links_to_the_timeline_relatively()
    {
        await using var node = await TicketNoteNode.StartAsync();
        var ticket = node.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);

        var session = await node.ActAndStopAsync(Id(ticket));

        var note = Assert.Single(await WaitForNotesAsync(node, ticket, 1));
        Assert.EndsWith($"Timeline: /audit?session={session}", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_ticket_system_is_not_shown_as_an_alert_destination()
    {
        await using var node = await TicketNoteNode.StartAsync();
        var ticket = node.Sandbox.State.Tickets.Create("zoe.mueller@example.com", null);
        node.Sandbox.State.Faults.FailNext("/api/v2/tickets/", 2, FaultKind.Status, 503);

        await node.ActAndStopAsync(Id(ticket));
        await WaitForNotesAsync(node, ticket, 1);

        Assert.Empty(await node.Services.GetRequiredService<IAlertDeliveryState>().ReadAsync(Ct));
    }

    private static string Id(SandboxTicket ticket) => ticket.Number.ToString(CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<TicketNote>> WaitForNotesAsync(TicketNoteNode node, SandboxTicket ticket, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (node.Sandbox.State.Tickets.NotesOf(ticket.Number) is var notes && notes.Count < count)
            await Task.Delay(20, timeout.Token);
        return node.Sandbox.State.Tickets.NotesOf(ticket.Number);
    }
}
