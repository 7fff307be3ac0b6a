using AIRisk.Core.Api;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Tickets;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting;

/// <summary>
/// The grounds of an act-as, before anything of it is recorded as started: the reason prompt asks for the ticket and the
/// reason where the console wants them (<c>REQUIRE_REASON</c>, <c>TICKET_REQUIRED</c>, a <c>?ticket=</c> link), and a
/// ticket is accepted only once the ticket system says it fits (open, assigned to the staff member, raised by the user).
/// A ticket that does not fit, or that cannot be checked, is recorded as a refused act-as and shown in the prompt, which
/// asks again; nothing is switched meanwhile. One per circuit.
/// </summary>
public sealed class GroundsStep(
    IStaffPrompts prompts,
    TicketCheck tickets,
    IOptions<ConsolePolicyOptions> policy,
    IOptions<TicketOptions> ticketOptions,
    StaffContext staff,
    ActingAudit audit,
    Detector detection)
{
    /// <param name="user">Who staff are about to act as.</param>
    /// <param name="linkedTicket">The ticket a <c>?ticket=</c> link named, shown filled in.</param>
    /// <param name="ct">The caller giving up.</param>
    public async Task<GroundsOutcome> AskAsync(AIRiskUser user, string? linkedTicket, CancellationToken ct)
    {
        var ticketRequired = tickets.IsOn && ticketOptions.Value.Required;
        var reasonRequired = policy.Value.RequireReason;
        if (!reasonRequired && !ticketRequired && (linkedTicket is null || !tickets.IsOn))
            return GroundsOutcome.Accepted(ActAsGrounds.None);

        var question = new GroundsQuestion(user, tickets.SystemName, ticketRequired, reasonRequired, new ActAsGrounds(Clean(linkedTicket), null));
        while (true)
        {
            if (await prompts.AskGroundsAsync(question, ct) is not { } given)
                return GroundsOutcome.Cancelled;
            var grounds = new ActAsGrounds(tickets.IsOn ? Clean(given.Ticket) : null, Clean(given.Reason));
            if (reasonRequired && grounds.Reason is null)
                return GroundsOutcome.Cancelled;
            if (grounds.Ticket is not { } ticket)
                return ticketRequired ? new GroundsOutcome(null, grounds.Reason, NoFittingTicket: true, question.Problem) : GroundsOutcome.Accepted(grounds);

            var verdict = await tickets.CheckAsync(staff.Current, user, ticket, ct);
            if (verdict.DoesFit)
                return GroundsOutcome.Accepted(grounds);
            await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Refused, user, grounds.Reason, detail: AuditTicket.Of(ticket), error: verdict.Problem);
            await detection.AfterRefusalAsync(staff.Current, []);
            question = question with { Filled = grounds, Problem = verdict.Problem };
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
