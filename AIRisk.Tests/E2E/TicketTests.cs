using AIRisk.Tests.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>From a ticket's sidebar link to acting to Stop, and the ticket told what was done (the sandbox's Zendesk).</summary>
[Collection(BrowserSuite.Name)]
public sealed class TicketTests(TicketsAppFixture fixture) : BrowserTest(fixture), IClassFixture<TicketsAppFixture>
{
    [Fact]
    public async Task A_ticket_link_acts_as_its_requester_after_the_ticket_is_checked_and_at_stop_the_ticket_gets_one_internal_note_naming_the_session()
    {
        var user = Fixture.FreshUsers(Sandbox.Data.Users.Where(u => u.Role == "User" && u.Email is not null).Select(u => u.Id), 1)[0];
        var ticket = Sandbox.Tickets.Create(user.Email!, assigneeEmail: null, subject: "Cannot see my agents");

        // What the ticket's sidebar link opens.
        await Page.GotoAsync($"act/{user.Id}?ticket={ticket.Number}");
        await Expect(Page.GetByTestId("deep-link")).ToContainTextAsync($"for ticket {ticket.Number}");
        await Page.GetByTestId("confirm-act").ClickAsync();
        await Expect(Page.GetByTestId("ticket-input")).ToHaveValueAsync(ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByTestId("reason-input").FillAsync("customer cannot see their agents");
        await Page.GetByTestId("reason-submit").ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await Page.GetByTestId("stop-acting").ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");

        // The session as the trail names it, found by its ticket (the audit page's filter, through the export), newest
        // first: the test apps' trail may hold an earlier run's session for a ticket of the same number.
        var csv = await (await Page.APIRequest.GetAsync($"audit/export.csv?ticket={ticket.Number}")).TextAsync();
        var session = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, "session ([0-9a-f]{32}), ticket")).First(m => m.Success).Groups[1].Value;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Sandbox.Tickets.NotesOf(ticket.Number).Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(200, Ct);
        var note = Assert.Single(Sandbox.Tickets.NotesOf(ticket.Number));
        Assert.False(note.Public);
        Assert.StartsWith($"AIRisk Console acting session {session} ended.", note.Body, StringComparison.Ordinal);
        Assert.Contains(user.DisplayName, note.Body, StringComparison.Ordinal);
        Assert.Contains($"/audit?session={session}", note.Body, StringComparison.Ordinal);
        // Delivered once: the outbox does not send it again.
        await Task.Delay(2000, Ct);
        Assert.Single(Sandbox.Tickets.NotesOf(ticket.Number));
    }

    [Fact]
    public async Task A_ticket_raised_by_someone_else_is_named_in_the_prompt_and_nothing_is_switched()
    {
        var users = Fixture.FreshUsers(Sandbox.Data.Users.Where(u => u.Role == "User" && u.Email is not null).Select(u => u.Id), 2);
        var ticket = Sandbox.Tickets.Create(users[1].Email!, assigneeEmail: null, subject: "Someone else's question");

        await Page.GotoAsync($"act/{users[0].Id}?ticket={ticket.Number}");
        await Page.GetByTestId("confirm-act").ClickAsync();
        await Page.GetByTestId("reason-submit").ClickAsync();

        await Expect(Page.GetByTestId("grounds-problem")).ToHaveTextAsync($"Ticket {ticket.Number} was not raised by this user.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");
        Assert.Equal(0, Sandbox.Requests.CountTokenCalls(users[0].Id));
    }
}
