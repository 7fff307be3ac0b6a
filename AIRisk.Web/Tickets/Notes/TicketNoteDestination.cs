using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Web.Tickets.Notes;

/// <summary>
/// The ticket system as a destination of the audit stream's outbox (stream <c>tickets</c>): for each acting session's
/// end record (<see cref="AuditAction.Stop"/>, <see cref="AuditAction.Expire"/>) whose session was started for a
/// ticket, one internal note on that ticket (<see cref="SessionNote"/>). A ticket system that is down, refuses the
/// account or limits requests takes nothing: the outbox sends the end again after its backoff, forever, so the session's
/// end never waits for it and no note is lost. A ticket the system no longer has (404) would stall the stream for good:
/// it is skipped with a warning and a <see cref="AuditAction.TicketNote"/> record (Failed) on the session's timeline.
/// The stream starts at the end of the trail: sessions that ended before tickets were configured are not noted.
/// </summary>
internal sealed partial class TicketNoteDestination(
    ITicketSystem tickets, IActingSessionStore sessions, IAuditTrail trail, ConsoleLinks links, TimeProvider time, ILogger<TicketNoteDestination> logger) : IAuditStreamDestination
{
    public string Name => "tickets";

    public bool SendsCheckpoints => false;

    public bool CarriesAlerts => false;

    public AuditStreamStart Start => AuditStreamStart.Now;

    public async Task SendAsync(IReadOnlyList<AuditStreamItem> items, CancellationToken ct)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Record is not { Action: AuditAction.Stop or AuditAction.Expire, SessionId: { } id } end)
                continue;
            try
            {
                await NoteAsync(id, end, ct);
            }
            catch (Exception e) when (e is TicketSystemException or AuditUnavailableException)
            {
                LogNotTaken(id, items[i].Seq, e.Message);
                throw new AuditStreamUnavailableException($"{tickets.Name}: {e.Message}", e, i > 0 ? items[i - 1].Seq : null);
            }
        }
    }

    private async Task NoteAsync(string id, AuditEntry end, CancellationToken ct)
    {
        // A session that never took effect (overtaken, refused) did nothing worth telling the ticket.
        if (await sessions.FindAsync(id, ct) is not { Ticket: { } ticket } session || session.EndCause == SessionEndCause.NeverStarted)
            return;

        List<AuditEntry> records = [];
        await foreach (var record in trail.ExportAsync(new AuditQuery { SessionId = id }, ct))
            records.Add(record);
        var note = SessionNote.Compose(session, end, records, links.Timeline(id));
        try
        {
            await tickets.AddInternalNoteAsync(ticket, note, ct);
            LogNoted(id, ticket);
        }
        catch (TicketSystemException e) when (e.Problem == TicketProblem.NotFound)
        {
            LogSkipped(id, ticket, e.Message);
            await trail.RecordAsync(session.Entry(AuditAction.TicketNote, AuditOutcome.Failed, time.GetUtcNow()) with
            {
                Detail = $"no note on ticket {ticket}: skipped",
                Error = e.Message,
            }, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Acting session {SessionId}: internal note added to ticket {Ticket}")]
    private partial void LogNoted(string sessionId, string ticket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acting session {SessionId}: ticket {Ticket} not found, its note is skipped: {Reason}")]
    private partial void LogSkipped(string sessionId, string ticket, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acting session {SessionId} (record {Seq}): the ticket's note was not taken, sent again later: {Reason}")]
    private partial void LogNotTaken(string sessionId, long seq, string reason);
}
