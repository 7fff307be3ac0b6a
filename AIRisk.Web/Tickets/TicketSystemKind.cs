namespace AIRisk.Web.Tickets;

/// <summary>Which ticket system the console works with (<c>TICKET_SYSTEM</c>).</summary>
public enum TicketSystemKind
{
    /// <summary>No ticket system: the reason is free text and no ticket is told anything.</summary>
    None,
    Zendesk,
    Jira,
}
