namespace AIRisk.Sandbox.Data.Tickets;

/// <summary>Someone the ticket system knows: a requester (an end user) or an agent. Zendesk serves them as users by id.</summary>
public sealed record TicketPerson(long Id, string Email, bool IsAgent)
{
    public string Name => Email.Split('@')[0];
}
