namespace AIRisk.Sandbox.Data.Tickets;

/// <summary>
/// The sandbox's ticket system, one store behind its Zendesk and Jira APIs: seeded tickets for the demo users, tickets
/// tests create and change, and every note written to them. Thread-safe; people get numeric ids in the order they are
/// first seen (the seeded requesters first, in seed order).
/// </summary>
public sealed class TicketDesk
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, SandboxTicket> _tickets = [];
    private readonly Dictionary<string, TicketPerson> _peopleByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, TicketPerson> _peopleById = [];
    private readonly List<TicketNote> _notes = [];
    private long _nextTicket = 1;

    internal TicketDesk(IReadOnlyList<SandboxUser> users, string agentEmail)
    {
        foreach (var ticket in TicketSeeder.Tickets(users))
            Add(ticket);
        // The console's own account (the API credentials' email): the author of every note.
        Person(agentEmail, isAgent: true);
        _nextTicket = Math.Max(_nextTicket, TicketSeeder.FirstNumber + TicketSeeder.SeededUsers);
    }

    /// <summary>The seeded or created ticket numbered <paramref name="number"/>; <c>null</c> when there is none.</summary>
    public SandboxTicket? Find(long number)
    {
        lock (_lock)
            return _tickets.GetValueOrDefault(number);
    }

    /// <summary>The open ticket seeded for the demo user with <paramref name="email"/>, if any.</summary>
    public SandboxTicket? OpenTicketOf(string email)
    {
        lock (_lock)
            return _tickets.Values.Where(t => t.Status is not ("solved" or "closed") && string.Equals(t.RequesterEmail, email, StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => t.Number).FirstOrDefault();
    }

    public TicketPerson? FindPerson(long id)
    {
        lock (_lock)
            return _peopleById.GetValueOrDefault(id);
    }

    /// <summary>The person with <paramref name="email"/>, made (with the next id) when first seen.</summary>
    public TicketPerson Person(string email, bool isAgent = false)
    {
        lock (_lock)
            return PersonHeld(email, isAgent);
    }

    /// <summary>A new ticket with the next number.</summary>
    /// <exception cref="ArgumentException">An unknown status or a blank requester.</exception>
    public SandboxTicket Create(string requesterEmail, string? assigneeEmail, string status = "open", string subject = "Created by a test")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requesterEmail);
        Check(status);
        lock (_lock)
            return Add(new SandboxTicket(_nextTicket, subject, status, requesterEmail.Trim(), Blank(assigneeEmail)));
    }

    /// <summary>Changes a ticket's status and/or assignee (<c>""</c> unassigns); <c>null</c> leaves either as it is.</summary>
    /// <returns>The ticket as changed, or <c>null</c> when there is no such ticket.</returns>
    public SandboxTicket? Update(long number, string? status, string? assigneeEmail)
    {
        if (status is not null)
            Check(status);
        lock (_lock)
        {
            if (!_tickets.TryGetValue(number, out var ticket))
                return null;
            ticket = ticket with
            {
                Status = status ?? ticket.Status,
                AssigneeEmail = assigneeEmail is null ? ticket.AssigneeEmail : Blank(assigneeEmail),
            };
            if (ticket.AssigneeEmail is { } assignee)
                PersonHeld(assignee, isAgent: true);
            _tickets[number] = ticket;
            return ticket;
        }
    }

    internal void AddNote(TicketNote note)
    {
        lock (_lock)
            _notes.Add(note);
    }

    /// <summary>The notes ticket <paramref name="number"/> received, oldest first.</summary>
    public IReadOnlyList<TicketNote> NotesOf(long number)
    {
        lock (_lock)
            return [.. _notes.Where(n => n.TicketNumber == number)];
    }

    /// <summary>Adds <paramref name="ticket"/>; the lock is held (or the desk is still being made).</summary>
    private SandboxTicket Add(SandboxTicket ticket)
    {
        PersonHeld(ticket.RequesterEmail, isAgent: false);
        if (ticket.AssigneeEmail is { } assignee)
            PersonHeld(assignee, isAgent: true);
        _tickets[ticket.Number] = ticket;
        _nextTicket = Math.Max(_nextTicket, ticket.Number + 1);
        return ticket;
    }

    /// <summary><see cref="Person"/> with the lock already held.</summary>
    private TicketPerson PersonHeld(string email, bool isAgent)
    {
        if (_peopleByEmail.TryGetValue(email.Trim(), out var known))
            return known;
        var person = new TicketPerson(_peopleById.Count + 1, email.Trim(), isAgent);
        _peopleByEmail[person.Email] = person;
        _peopleById[person.Id] = person;
        return person;
    }

    private static void Check(string status)
    {
        if (!TicketStatuses.IsKnown(status))
            throw new ArgumentException($"Unknown status '{status}': expected {string.Join(", ", TicketStatuses.All)}.", nameof(status));
    }

    private static string? Blank(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();
}
