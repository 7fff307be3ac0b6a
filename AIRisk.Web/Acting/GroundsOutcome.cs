using AIRisk.Web.Acting.Policy;

namespace AIRisk.Web.Acting;

/// <summary>How the grounds of an act-as were settled: accepted, cancelled by staff, or given without the ticket it needs.</summary>
/// <param name="Grounds">The grounds accepted (a fitting ticket, or none where none is needed); <c>null</c> otherwise.</param>
/// <param name="Reason">The reason staff gave, also when no fitting ticket came with it.</param>
/// <param name="NoFittingTicket">Staff went on without a fitting ticket where <c>TICKET_REQUIRED=true</c> asks for one.</param>
public sealed record GroundsOutcome(ActAsGrounds? Grounds, string? Reason, bool NoFittingTicket)
{
    public static GroundsOutcome Cancelled { get; } = new(null, null, false);

    public static GroundsOutcome Accepted(ActAsGrounds grounds) => new(grounds, grounds.Reason, false);
}
