namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// Where acting sessions are kept, beside the audit trail (one database, so moving both to a server is one provider
/// change). Every method throws <see cref="Audit.AuditUnavailableException"/> when the store cannot be reached.
/// </summary>
public interface IActingSessionStore
{
    /// <summary>Stores the new session and the audit record of its start in one transaction: both stand or neither.</summary>
    Task StartAsync(ActingSessionRecord session, Audit.AuditEntry started, CancellationToken ct);

    Task<ActingSessionRecord?> FindAsync(string id, CancellationToken ct);

    Task TouchAsync(string id, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Ends the session if it has not ended yet (the first cause recorded stands) and appends <paramref name="records"/>
    /// to the audit trail, in one transaction.
    /// </summary>
    /// <returns><c>true</c> when this call ended it.</returns>
    Task<bool> EndAsync(string id, DateTimeOffset at, SessionEndCause cause, IReadOnlyList<Audit.AuditEntry> records, CancellationToken ct);
}
