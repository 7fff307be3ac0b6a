using AIRisk.Web.Acting.Policy;

namespace AIRisk.Web.Acting;

/// <summary>How the grounds of an act-as were settled: accepted, cancelled by staff, or given without the ticket it needs.</summary>
/// <param name="Grounds">The grounds accepted (a fitting ticket, or none where none is needed); <c>null</c> otherwise.</param>
/// <param name="Reason">The reason staff gave, also when no fitting ticket came with it.</param>
/// <param name="NoFittingTicket">Staff went on without a fitting ticket where <c>TICKET_REQUIRED=true</c> asks for one.</param>
/// <param name="TicketProblem">Why the last ticket staff gave did not fit (<c>ticket 102 was not raised by this user</c>), if one did not: an approver reads it in the request.</param>
public sealed record GroundsOutcome(ActAsGrounds? Grounds, string? Reason, bool NoFittingTicket, string? TicketProblem = null)
{
    public static GroundsOutcome Cancelled { get; } = new(null, null, false);

    public static GroundsOutcome Accepted(ActAsGrounds grounds) => new(grounds, grounds.Reason, false);
}
