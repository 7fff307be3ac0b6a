using AIRisk.Core.Api;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;

namespace AIRisk.TestSupport;

/// <summary>
/// <see cref="IActingSessionStore"/> in memory, for rule tests that run in milliseconds: the same rules as the
/// database's store (the contract tests run against both), each decided under one lock as the database decides it in
/// one write. The audit records it is given are kept in <see cref="Records"/>, in the order they were written.
/// </summary>
public sealed class InMemoryActingSessionStore : IActingSessionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ActingSessionRecord> _sessions = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _records = [];

    /// <summary>Every audit record this store wrote (starts, records under a session, ends and what came alongside), in order.</summary>
    public IReadOnlyList<AuditEntry> Records
    {
        get
        {
            lock (_gate)
                return [.. _records];
        }
    }

    /// <summary>
    /// While set, every call fails with <see cref="AuditUnavailableException"/> and changes nothing, as the database's
    /// store does when the database cannot be reached: for tests of what fails closed.
    /// </summary>
    public bool Unreachable { get; set; }

    public Task StartAsync(ActingSessionRecord session, string circuitId, AuditEntry started, CancellationToken ct) => Run(() =>
    {
        // The database refuses a second row with the same key, which its store reports as a failed write.
        if (_sessions.ContainsKey(session.Id))
            throw new AuditUnavailableException($"The acting session {session.Id} already exists; nothing was written.");
        var target = session.Target;
        // Kept as the database keeps it: the target's id, name, email and roles; times in UTC; open, held by the starter.
        _sessions[session.Id] = session with
        {
            Target = new AIRiskUser(target.Id, target.DisplayName, target.Email, target.Role)
            {
                Roles = target.Roles.Count > 0 ? [.. target.Roles] : target.Role is { } role ? [role] : [],
            },
            StartedUtc = session.StartedUtc.ToUniversalTime(),
            LastActivityUtc = session.LastActivityUtc.ToUniversalTime(),
            EndedUtc = null,
            EndCause = null,
            Lease = new SessionLease(circuitId, true, session.StartedUtc.ToUniversalTime()),
        };
        _records.Add(started);
        return true;
    });

    public Task<ActingSessionRecord?> FindAsync(string id, CancellationToken ct) => Run(() => _sessions.GetValueOrDefault(id));

    public Task<LeaseResult> TryTakeLeaseAsync(string id, string circuitId, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken ct) => Run(() =>
    {
        if (!_sessions.TryGetValue(id, out var session) || session.HasEnded)
            return LeaseResult.Ended;
        if (session.Lease is { } lease && lease.CircuitId != circuitId && lease.Connected && lease.SeenUtc >= staleBefore)
            return LeaseResult.HeldElsewhere;
        _sessions[id] = session with { Lease = new SessionLease(circuitId, true, now.ToUniversalTime()) };
        return LeaseResult.Taken;
    });

    public Task<bool> TouchAsync(string id, string circuitId, DateTimeOffset lastActivity, DateTimeOffset now, CancellationToken ct) => Run(() =>
    {
        if (Held(id, circuitId) is not { } session)
            return false;
        _sessions[id] = session with
        {
            LastActivityUtc = lastActivity.ToUniversalTime(),
            Lease = session.Lease! with { SeenUtc = now.ToUniversalTime() },
        };
        return true;
    });

    public Task SetConnectedAsync(string id, string circuitId, bool connected, DateTimeOffset now, CancellationToken ct) => Run(() =>
    {
        if (Held(id, circuitId) is { } session)
            _sessions[id] = session with { Lease = new SessionLease(circuitId, connected, now.ToUniversalTime()) };
        return true;
    });

    public Task<bool> HoldsAsync(string id, string circuitId, CancellationToken ct) => Run(() => Held(id, circuitId) is not null);

    public Task RecordAsync(string id, string circuitId, AuditEntry entry, CancellationToken ct) => Run(() =>
    {
        if (Held(id, circuitId) is not { } session)
            throw new ActingSessionEndedException(id);
        var lease = session.Lease!;
        if (entry.AtUtc > lease.SeenUtc)
            _sessions[id] = session with { Lease = lease with { SeenUtc = entry.AtUtc.ToUniversalTime() } };
        _records.Add(entry);
        return true;
    });

    public Task<bool> EndAsync(string id, string? heldBy, DateTimeOffset at, SessionEndCause cause, AuditEntry? endRecord, IReadOnlyList<AuditEntry> alongside, CancellationToken ct) => Run(() =>
    {
        var ended = _sessions.TryGetValue(id, out var session) && !session.HasEnded && (heldBy is null || session.Lease?.CircuitId == heldBy);
        if (ended)
        {
            _sessions[id] = session! with { EndedUtc = at.ToUniversalTime(), EndCause = cause };
            if (endRecord is not null)
                _records.Add(endRecord);
        }

        _records.AddRange(alongside);
        return ended;
    });

    public Task<IReadOnlyList<ActingSessionRecord>> FindUnseenAsync(DateTimeOffset before, CancellationToken ct) => Run(() =>
        (IReadOnlyList<ActingSessionRecord>)[.. _sessions.Values
            .Where(s => !s.HasEnded && (s.Lease?.SeenUtc ?? s.StartedUtc) < before)
            .OrderBy(s => s.StartedUtc)
            .Take(500)]);

    private ActingSessionRecord? Held(string id, string circuitId) =>
        _sessions.TryGetValue(id, out var session) && !session.HasEnded && session.Lease?.CircuitId == circuitId ? session : null;

    private Task<T> Run<T>(Func<T> work)
    {
        lock (_gate)
        {
            // Failures come back in the task, as from the database's store, not thrown by the call itself.
            if (Unreachable)
                return Task.FromException<T>(new AuditUnavailableException("The acting-session store is unreachable (as set by the test), so this was not done."));
            try
            {
                return Task.FromResult(work());
            }
            catch (ActingSessionEndedException e)
            {
                return Task.FromException<T>(e);
            }
            catch (AuditUnavailableException e)
            {
                return Task.FromException<T>(e);
            }
        }
    }
}
