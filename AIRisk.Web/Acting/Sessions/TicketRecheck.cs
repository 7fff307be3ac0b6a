using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Tickets;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// Checks again whether the ticket of this tab's acting session still fits: at each token renewal and every
/// <c>TICKET_RECHECK_MINUTES</c>. A ticket solved, closed, reassigned or gone ends the session (<c>ticket closed</c>); a
/// ticket system that cannot answer now does not (it fitted at the start, and the next check asks again). One per circuit.
/// </summary>
public sealed partial class TicketRecheck(
    TicketCheck tickets,
    IActingSessionStore sessions,
    StaffContext staff,
    IOptions<TicketOptions> options,
    ILogger<TicketRecheck> logger)
{
    private DateTimeOffset _lastCheck;

    /// <summary>Whether the periodic check of a session started at <paramref name="startedAt"/> is due (it is then counted as done).</summary>
    public bool IsDue(DateTimeOffset startedAt, DateTimeOffset now)
    {
        if (!tickets.IsOn || now - (startedAt > _lastCheck ? startedAt : _lastCheck) < options.Value.RecheckInterval)
            return false;
        _lastCheck = now;
        return true;
    }

    /// <returns>Why session <paramref name="sessionId"/> must end, or <c>null</c> when it goes on.</returns>
    public async Task<string?> EndReasonAsync(string sessionId, CancellationToken ct)
    {
        if (!tickets.IsOn || await sessions.FindAsync(sessionId, ct) is not { Ticket: { } ticket } session)
            return null;
        var verdict = await tickets.CheckAsync(staff.Current, session.Target, ticket, ct);
        if (verdict.Unavailable is { } unavailable)
            LogNotChecked(sessionId, unavailable);
        return verdict.Misfit;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ticket of acting session {SessionId} could not be checked again (the session goes on): {Reason}")]
    private partial void LogNotChecked(string sessionId, string reason);
}
