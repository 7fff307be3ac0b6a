using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;

namespace AIRisk.Tests.TestSupport;

/// <summary>The real session store, passed through, for a test to change one thing about it (a slow start, a refused record).</summary>
internal class DelegatingActingSessionStore(IActingSessionStore inner) : IActingSessionStore
{
    public virtual Task StartAsync(ActingSessionRecord session, string circuitId, AuditEntry started, CancellationToken ct) => inner.StartAsync(session, circuitId, started, ct);

    public Task<ActingSessionRecord?> FindAsync(string id, CancellationToken ct) => inner.FindAsync(id, ct);

    public Task<LeaseResult> TryTakeLeaseAsync(string id, string circuitId, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken ct) =>
        inner.TryTakeLeaseAsync(id, circuitId, now, staleBefore, ct);

    public Task<bool> TouchAsync(string id, string circuitId, DateTimeOffset lastActivity, DateTimeOffset now, CancellationToken ct) =>
        inner.TouchAsync(id, circuitId, lastActivity, now, ct);

    public Task SetConnectedAsync(string id, string circuitId, bool connected, DateTimeOffset now, CancellationToken ct) =>
        inner.SetConnectedAsync(id, circuitId, connected, now, ct);

    public Task<bool> HoldsAsync(string id, string circuitId, CancellationToken ct) => inner.HoldsAsync(id, circuitId, ct);

    public virtual Task RecordAsync(string id, string circuitId, AuditEntry entry, CancellationToken ct) => inner.RecordAsync(id, circuitId, entry, ct);

    public Task<bool> EndAsync(string id, string? heldBy, DateTimeOffset at, SessionEndCause cause, AuditEntry? endRecord, IReadOnlyList<AuditEntry> alongside, CancellationToken ct) =>
        inner.EndAsync(id, heldBy, at, cause, endRecord, alongside, ct);

    public Task<IReadOnlyList<ActingSessionRecord>> FindUnseenAsync(DateTimeOffset before, CancellationToken ct) => inner.FindUnseenAsync(before, ct);
}
