using AIRisk.Core.Api;

namespace AIRisk.Web.Acting.Policy;

/// <summary>What the reason prompt asks before an act-as, and what it shows filled in.</summary>
/// <param name="Target">Who staff are about to act as.</param>
/// <param name="TicketSystem">The ticket system's name when tickets are on (<c>Zendesk</c>); <c>null</c>: no ticket field.</param>
/// <param name="TicketRequired">Whether an act-as needs a ticket (<c>TICKET_REQUIRED=true</c>).</param>
/// <param name="ReasonRequired">Whether a reason must be given (<c>REQUIRE_REASON=true</c>).</param>
/// <param name="Filled">The ticket and reason shown filled in (from a <c>?ticket=</c> link, or the last attempt).</param>
/// <param name="Problem">Why the last attempt was not accepted (a ticket that does not fit), shown in the prompt.</param>
public sealed record GroundsQuestion(AIRiskUser Target, string? TicketSystem, bool TicketRequired, bool ReasonRequired, ActAsGrounds Filled, string? Problem = null);
