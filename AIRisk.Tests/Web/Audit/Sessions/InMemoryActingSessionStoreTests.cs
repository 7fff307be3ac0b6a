using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;

namespace AIRisk.Tests.Web.Audit.Sessions;

/// <summary>The rule tests' store: one instance is every node, its <see cref="InMemoryActingSessionStore.Records"/> the trail.</summary>
public sealed class InMemoryActingSessionStoreTests : ActingSessionStoreContract
{
    private readonly InMemoryActingSessionStore _store = new();

    protected override Task<IActingSessionStore> OpenNodeAsync() => Task.FromResult<IActingSessionStore>(_store);

    protected override Task<IReadOnlyList<AuditEntry>> TrailAsync(string sessionId) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. _store.Records.Where(e => e.SessionId == sessionId)]);

    [Fact]
    public async Task An_unreachable_store_changes_nothing_and_says_so()
    {
        var id = await StartAsync(_store, "tab-a", T0);
        _store.Unreachable = true;

        await Assert.ThrowsAsync<AuditUnavailableException>(() => _store.RecordAsync(id, "tab-a", Write(id, T0.AddMinutes(1)), Ct));
        await Assert.ThrowsAsync<AuditUnavailableException>(() => _store.EndAsync(id, null, T0.AddMinutes(1), SessionEndCause.Stopped, End(id, T0.AddMinutes(1)), [], Ct));
        await Assert.ThrowsAsync<AuditUnavailableException>(() => _store.TryTakeLeaseAsync(id, "tab-b", T0.AddHours(1), T0.AddHours(1), Ct));

        _store.Unreachable = false;
        var session = (await _store.FindAsync(id, Ct))!;
        Assert.False(session.HasEnded);
        Assert.Equal("tab-a", session.Lease!.CircuitId);
        Assert.Equal([AuditAction.ActAs], _store.Records.Select(e => e.Action));
    }
}
