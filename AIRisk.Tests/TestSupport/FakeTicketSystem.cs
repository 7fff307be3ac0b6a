using System.Collections.Concurrent;
using AIRisk.Web.Tickets;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// A ticket system for tests of the switch's use of tickets (the adapters themselves are tested against the sandbox's
/// Zendesk and Jira): tickets kept in memory, every read counted, and an outage on demand.
/// </summary>
public sealed class FakeTicketSystem : ITicketSystem
{
    private readonly ConcurrentDictionary<string, Ticket> _tickets = new();

    public string Name => "Zendesk";

    /// <summary>When set, every call fails as the ticket system would when it cannot answer (429, 5xx, a timeout).</summary>
    public string? Outage { get; set; }

    public int Reads { get; private set; }

    public void Put(Ticket ticket) => _tickets[ticket.Id] = ticket;

    public bool IsWellFormed(string id) => id.Length is > 0 and < 20 && id.All(char.IsAsciiDigit);

    public Task<Ticket> GetAsync(string id, CancellationToken ct)
    {
        Reads++;
        if (Outage is { } outage)
            throw new TicketSystemException(TicketProblem.Unavailable, outage);
        return _tickets.TryGetValue(id, out var ticket)
            ? Task.FromResult(ticket)
            : throw new TicketSystemException(TicketProblem.NotFound, $"Zendesk has no ticket {id}");
    }

    public Task AddInternalNoteAsync(string id, string body, CancellationToken ct) => Task.CompletedTask;

    public Uri LinkTo(string id) => new($"https://support.example/agent/tickets/{id}");
}
