namespace AIRisk.Web.Tickets;

/// <summary>Whether a ticket fits an acting session, as far as the ticket system could say.</summary>
/// <param name="Misfit">Why it does not fit (closed, another assignee or requester, not found); <c>null</c> when it fits or could not be read.</param>
/// <param name="Unavailable">Why the ticket system could not be asked (401, 429, 5xx, a timeout); <c>null</c> when it answered.</param>
public sealed record TicketVerdict(string? Misfit, string? Unavailable)
{
    public static TicketVerdict Fits { get; } = new(null, null);

    public bool DoesFit => Misfit is null && Unavailable is null;

    /// <summary>What staff are told when it does not fit or could not be checked.</summary>
    public string? Problem => Misfit ?? Unavailable;
}
