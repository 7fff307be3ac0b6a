using AIRisk.Core.Api;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Tickets;

/// <summary>
/// Asks the ticket system whether a ticket fits an acting session (<see cref="TicketFit"/>): at the act-as, before any
/// token, and again while the session runs. A ticket that does not exist is a misfit; a ticket system that cannot
/// answer is not (the caller decides: an act-as is refused, a running session goes on until it can answer).
/// </summary>
public sealed class TicketCheck(ITicketSystem? system = null)
{
    /// <summary>Whether a ticket system is configured.</summary>
    public bool IsOn => system is not null;

    /// <summary>The ticket system's name (<c>Zendesk</c>), or <c>null</c> when none is configured.</summary>
    public string? SystemName => system?.Name;

    public async Task<TicketVerdict> CheckAsync(StaffMember staff, AIRiskUser target, string ticketId, CancellationToken ct)
    {
        if (system is null)
            return new TicketVerdict(null, "no ticket system is configured");
        if (!system.IsWellFormed(ticketId))
            return new TicketVerdict($"'{ticketId}' is not a {system.Name} ticket id", null);
        try
        {
            var ticket = await system.GetAsync(ticketId, ct);
            return TicketFit.Misfit(ticket, staff.Email, staff.IsLocal, target.Email) is { } misfit
                ? new TicketVerdict(misfit, null)
                : TicketVerdict.Fits;
        }
        catch (TicketSystemException e) when (e.Problem == TicketProblem.NotFound)
        {
            return new TicketVerdict(e.Message, null);
        }
        catch (TicketSystemException e)
        {
            return new TicketVerdict(null, e.Message);
        }
    }

    /// <returns>The ticket's page in the ticket system, or <c>null</c> when none is configured.</returns>
    public Uri? LinkTo(string ticketId) => system?.LinkTo(ticketId);
}
