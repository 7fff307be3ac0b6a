namespace AIRisk.Web.Tickets;

/// <summary>
/// The ticket system staff work from (Zendesk or Jira Service Management), through its documented REST API. Every
/// failure is a <see cref="TicketSystemException"/> whose message may be shown to staff: it names the problem and the
/// ticket, never the API token.
/// </summary>
public interface ITicketSystem
{
    /// <summary>The product's name as staff know it (<c>Zendesk</c>, <c>Jira</c>), for messages.</summary>
    string Name { get; }

    /// <returns>Whether <paramref name="id"/> has the shape of this system's ticket ids (checked before any request).</returns>
    bool IsWellFormed(string id);

    /// <summary>Reads the ticket and the emails of its assignee and requester.</summary>
    Task<Ticket> GetAsync(string id, CancellationToken ct);

    /// <summary>Adds an internal note (never visible to the requester) to the ticket.</summary>
    Task AddInternalNoteAsync(string id, string body, CancellationToken ct);

    /// <returns>Where staff open the ticket in the ticket system's own UI.</returns>
    Uri LinkTo(string id);
}
