namespace AIRisk.Web.Tickets;

/// <summary>How acting sessions are bound to support tickets.</summary>
public sealed class TicketOptions
{
    /// <summary>Refuse (or send to approval) an act-as without a fitting ticket (<c>TICKET_REQUIRED</c>).</summary>
    public bool Required { get; set; }

    /// <summary>How often a running session's ticket is checked again (<c>TICKET_RECHECK_MINUTES</c>), besides each token renewal.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
