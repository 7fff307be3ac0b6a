namespace AIRisk.Web.Audit.Sessions;

/// <summary>
/// Where acting sessions are kept, beside the audit trail and shared by every node: the session itself, which tab
/// (circuit) holds it (its lease), and how it ended. Every rule that must hold across nodes (one holder at a time, an
/// ended session is never taken up, touched or written to again, one end record however many nodes end it) is checked
/// here, inside the write it guards. Every method throws <see cref="AuditUnavailableException"/> when the store cannot
/// be reached.
/// </summary>
public interface IActingSessionStore
{
    /// <summary>
    /// Stores the new session, held by <paramref name="circuitId"/>, and the audit record of its start in one
    /// transaction: both stand or neither.
    /// </summary>
    Task StartAsync(ActingSessionRecord session, string circuitId, AuditEntry started, CancellationToken ct);

    Task<ActingSessionRecord?> FindAsync(string id, CancellationToken ct);

    /// <summary>
    /// Gives the lease of open session <paramref name="id"/> to <paramref name="circuitId"/> when nobody holds it, that
    /// circuit already does, or its holder is disconnected or was last seen before <paramref name="staleBefore"/> (a
    /// node that stopped). Decided in one conditional write, so two nodes never both take it.
    /// </summary>
    Task<LeaseResult> TryTakeLeaseAsync(string id, string circuitId, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken ct);

    /// <summary>
    /// The holder is still there: saves staff's last activity and the time the holder was seen, only while the session is
    /// open and <paramref name="circuitId"/> holds it.
    /// </summary>
    /// <returns><c>false</c> when the session has ended or another tab holds it: this tab must stop acting under it.</returns>
    Task<bool> TouchAsync(string id, string circuitId, DateTimeOffset lastActivity, DateTimeOffset now, CancellationToken ct);

    /// <summary>The holder's browser connected or went away (a reload, a lost network); ignored unless it holds the session.</summary>
    Task SetConnectedAsync(string id, string circuitId, bool connected, DateTimeOffset now, CancellationToken ct);

    /// <returns>Whether <paramref name="circuitId"/> holds session <paramref name="id"/> and it is still open.</returns>
    Task<bool> HoldsAsync(string id, string circuitId, CancellationToken ct);

    /// <summary>
    /// Appends <paramref name="entry"/> to the audit trail only if session <paramref name="id"/> is open and held by
    /// <paramref name="circuitId"/>, checked in the same transaction as the insert (the check takes the session's row
    /// lock, so an end committed by another node is either before it, and refuses it, or waits for it). The holder
    /// counts as seen at the entry's time, unless it was seen later.
    /// </summary>
    /// <exception cref="ActingSessionEndedException">The session has ended, or another tab holds it.</exception>
    Task RecordAsync(string id, string circuitId, AuditEntry entry, CancellationToken ct);

    /// <summary>
    /// Ends the session if it has not ended yet (the first cause recorded stands) and, with <paramref name="heldBy"/>,
    /// only while that circuit holds it (a tab that lost its session to another never ends it), in one transaction with
    /// <paramref name="endRecord"/>, which is written only when this call ended it, and <paramref name="alongside"/>,
    /// which is written either way (a switch's success record beside the previous session's end).
    /// </summary>
    /// <returns><c>true</c> when this call ended it.</returns>
    Task<bool> EndAsync(string id, string? heldBy, DateTimeOffset at, SessionEndCause cause, AuditEntry? endRecord, IReadOnlyList<AuditEntry> alongside, CancellationToken ct);

    /// <summary>
    /// Open sessions whose holder was last seen (or that started, if never seen) before <paramref name="before"/>: at
    /// most 500 a call, the earliest started first (a sweep ends those, then asks again).
    /// </summary>
    Task<IReadOnlyList<ActingSessionRecord>> FindUnseenAsync(DateTimeOffset before, CancellationToken ct);
}
