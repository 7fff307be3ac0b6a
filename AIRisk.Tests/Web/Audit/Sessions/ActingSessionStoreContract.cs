using AIRisk.Core.Api;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;

namespace AIRisk.Tests.Web.Audit.Sessions;

/// <summary>
/// What every <see cref="IActingSessionStore"/> must do, whatever keeps the sessions: each store's test class runs
/// these against it, so the in-memory store the rule tests use cannot drift from the database's.
/// </summary>
public abstract class ActingSessionStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A node's view of the one store of this test: each call is another node, over the same sessions and trail.</summary>
    protected abstract Task<IActingSessionStore> OpenNodeAsync();

    /// <summary>What the audit trail holds for <paramref name="sessionId"/>, oldest first.</summary>
    protected abstract Task<IReadOnlyList<AuditEntry>> TrailAsync(string sessionId);

    [Fact]
    public async Task Starting_a_session_writes_its_start_record_and_gives_the_lease_to_the_starting_tab()
    {
        var store = await OpenNodeAsync();

        var id = await StartAsync(store, "tab-a", T0);

        Assert.Equal([AuditAction.ActAs], (await TrailAsync(id)).Select(e => e.Action));
        Assert.Equal(new SessionLease("tab-a", true, T0), (await store.FindAsync(id, Ct))!.Lease);
    }

    [Fact]
    public async Task A_session_keeps_every_role_of_its_target()
    {
        var store = await OpenNodeAsync();
        var target = new AIRiskUser("user-1", "Una User", "una@example.com", "User") { Roles = ["User", "Company Admin"] };

        var id = await StartAsync(store, "tab-a", T0, target);

        Assert.Equal(["User", "Company Admin"], (await store.FindAsync(id, Ct))!.Target.Roles);
    }

    [Fact]
    public async Task Another_tab_cannot_take_a_session_whose_holder_is_connected_and_was_seen_at_the_stale_time()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);

        var result = await store.TryTakeLeaseAsync(id, "tab-b", T0.AddMinutes(1), staleBefore: T0, Ct);

        Assert.Equal(LeaseResult.HeldElsewhere, result);
        Assert.True(await store.HoldsAsync(id, "tab-a", Ct));
        Assert.False(await store.HoldsAsync(id, "tab-b", Ct));
    }

    [Fact]
    public async Task Touching_a_session_keeps_its_holder_from_going_stale()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);

        var touched = await store.TouchAsync(id, "tab-a", T0.AddMinutes(10), T0.AddMinutes(10), Ct);
        var result = await store.TryTakeLeaseAsync(id, "tab-b", T0.AddMinutes(12), staleBefore: T0.AddMinutes(5), Ct);

        Assert.True(touched);
        Assert.Equal(LeaseResult.HeldElsewhere, result);
        Assert.Equal(T0.AddMinutes(10), (await store.FindAsync(id, Ct))!.LastActivityUtc);
    }

    [Fact]
    public async Task Another_tab_takes_a_session_whose_holder_disconnected()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);
        await store.SetConnectedAsync(id, "tab-a", connected: false, T0.AddMinutes(1), Ct);

        var result = await store.TryTakeLeaseAsync(id, "tab-b", T0.AddMinutes(2), staleBefore: T0, Ct);

        Assert.Equal(LeaseResult.Taken, result);
        Assert.True(await store.HoldsAsync(id, "tab-b", Ct));
        Assert.False(await store.HoldsAsync(id, "tab-a", Ct));
    }

    [Fact]
    public async Task Another_tab_takes_a_session_whose_holder_was_not_seen_since_the_stale_time()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);

        var result = await store.TryTakeLeaseAsync(id, "tab-b", T0.AddMinutes(10), staleBefore: T0.AddMinutes(5), Ct);

        Assert.Equal(LeaseResult.Taken, result);
        Assert.Equal(new SessionLease("tab-b", true, T0.AddMinutes(10)), (await store.FindAsync(id, Ct))!.Lease);
    }

    [Fact]
    public async Task A_tab_that_no_longer_holds_a_session_cannot_touch_it_or_mark_it_connected()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);
        await store.SetConnectedAsync(id, "tab-a", connected: false, T0.AddMinutes(1), Ct);
        await store.TryTakeLeaseAsync(id, "tab-b", T0.AddMinutes(2), staleBefore: T0, Ct);
        await store.SetConnectedAsync(id, "tab-b", connected: false, T0.AddMinutes(3), Ct);

        var touched = await store.TouchAsync(id, "tab-a", T0.AddMinutes(4), T0.AddMinutes(4), Ct);
        await store.SetConnectedAsync(id, "tab-a", connected: true, T0.AddMinutes(4), Ct);

        Assert.False(touched);
        Assert.Equal(new SessionLease("tab-b", false, T0.AddMinutes(3)), (await store.FindAsync(id, Ct))!.Lease);
    }

    [Fact]
    public async Task An_ended_session_is_never_leased_again()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);
        await store.EndAsync(id, null, T0.AddMinutes(1), SessionEndCause.Stopped, End(id, T0.AddMinutes(1)), [], Ct);

        var byHolder = await store.TryTakeLeaseAsync(id, "tab-a", T0.AddMinutes(2), staleBefore: T0, Ct);
        var byAnother = await store.TryTakeLeaseAsync(id, "tab-b", T0.AddHours(1), staleBefore: T0.AddHours(1), Ct);

        Assert.Equal(LeaseResult.Ended, byHolder);
        Assert.Equal(LeaseResult.Ended, byAnother);
        Assert.False(await store.HoldsAsync(id, "tab-a", Ct));
    }

    [Fact]
    public async Task A_session_that_was_never_started_is_never_leased()
    {
        var store = await OpenNodeAsync();

        var result = await store.TryTakeLeaseAsync("no-such-session", "tab-a", T0, staleBefore: T0, Ct);

        Assert.Equal(LeaseResult.Ended, result);
        Assert.Null(await store.FindAsync("no-such-session", Ct));
    }

    [Fact]
    public async Task An_ended_session_cannot_be_touched()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);
        await store.EndAsync(id, null, T0.AddMinutes(1), SessionEndCause.Stopped, End(id, T0.AddMinutes(1)), [], Ct);

        var touched = await store.TouchAsync(id, "tab-a", T0.AddMinutes(2), T0.AddMinutes(2), Ct);

        Assert.False(touched);
        Assert.Equal(T0, (await store.FindAsync(id, Ct))!.LastActivityUtc);
    }

    [Fact]
    public async Task The_holder_of_an_open_session_records_under_it()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);

        await store.RecordAsync(id, "tab-a", Write(id, T0.AddMinutes(1)), Ct);

        Assert.Equal([AuditAction.ActAs, AuditAction.Write], (await TrailAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Nothing_is_recorded_under_an_ended_session()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);
        await store.EndAsync(id, null, T0.AddMinutes(1), SessionEndCause.Stopped, End(id, T0.AddMinutes(1)), [], Ct);

        var refused = await Assert.ThrowsAsync<ActingSessionEndedException>(() => store.RecordAsync(id, "tab-a", Write(id, T0.AddMinutes(2)), Ct));

        Assert.Equal(id, refused.SessionId);
        Assert.Equal([AuditAction.ActAs, AuditAction.Stop], (await TrailAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Nothing_is_recorded_under_a_session_another_tab_holds()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);
        await store.SetConnectedAsync(id, "tab-a", connected: false, T0.AddMinutes(1), Ct);
        await store.TryTakeLeaseAsync(id, "tab-b", T0.AddMinutes(2), staleBefore: T0, Ct);

        await Assert.ThrowsAsync<ActingSessionEndedException>(() => store.RecordAsync(id, "tab-a", Write(id, T0.AddMinutes(3)), Ct));

        Assert.Equal([AuditAction.ActAs], (await TrailAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_record_does_not_make_its_holder_look_seen_earlier_than_it_was()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);
        await store.TouchAsync(id, "tab-a", T0.AddMinutes(10), T0.AddMinutes(10), Ct);

        // A record is stamped when staff acted, which may be before the holder was last seen.
        await store.RecordAsync(id, "tab-a", Write(id, T0.AddMinutes(9)), Ct);
        var result = await store.TryTakeLeaseAsync(id, "tab-b", T0.AddMinutes(11), staleBefore: T0.AddMinutes(9.5), Ct);

        Assert.Equal(LeaseResult.HeldElsewhere, result);
    }

    [Fact]
    public async Task Ending_a_session_twice_writes_one_end_record_and_keeps_the_first_cause()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);

        var first = await store.EndAsync(id, null, T0.AddMinutes(1), SessionEndCause.Stopped, End(id, T0.AddMinutes(1), "stopped"), [], Ct);
        var second = await store.EndAsync(id, null, T0.AddMinutes(2), SessionEndCause.Idle, End(id, T0.AddMinutes(2), "idle"), [], Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(["stopped"], (await TrailAsync(id)).Where(e => e.Action == AuditAction.Stop).Select(e => e.Detail));
        var ended = (await store.FindAsync(id, Ct))!;
        Assert.Equal((SessionEndCause.Stopped, T0.AddMinutes(1)), (ended.EndCause, ended.EndedUtc));
    }

    [Fact]
    public async Task A_tab_that_lost_its_session_to_another_cannot_end_it()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);
        await store.SetConnectedAsync(id, "tab-a", connected: false, T0.AddSeconds(1), Ct);
        Assert.Equal(LeaseResult.Taken, await store.TryTakeLeaseAsync(id, "tab-b", T0.AddSeconds(2), staleBefore: T0, Ct));

        var ended = await store.EndAsync(id, "tab-a", T0.AddMinutes(3), SessionEndCause.TabClosed, End(id, T0.AddMinutes(3), "tab closed"), [], Ct);

        Assert.False(ended);
        Assert.False((await store.FindAsync(id, Ct))!.HasEnded);
        Assert.DoesNotContain(await TrailAsync(id), e => e.Action == AuditAction.Stop);
        Assert.True(await store.EndAsync(id, "tab-b", T0.AddMinutes(4), SessionEndCause.Stopped, End(id, T0.AddMinutes(4), "stopped"), [], Ct));
    }

    [Fact]
    public async Task Records_alongside_an_end_are_written_whether_or_not_that_call_ended_the_session()
    {
        var store = await OpenNodeAsync();
        var id = await StartAsync(store, "tab-a", T0);

        await store.EndAsync(id, null, T0.AddMinutes(1), SessionEndCause.Switched, End(id, T0.AddMinutes(1)), [Switch(id, T0.AddMinutes(1), "to user-2")], Ct);
        await store.EndAsync(id, null, T0.AddMinutes(2), SessionEndCause.Switched, End(id, T0.AddMinutes(2)), [Switch(id, T0.AddMinutes(2), "to user-3")], Ct);

        var trail = await TrailAsync(id);
        Assert.Single(trail, e => e.Action == AuditAction.Stop);
        Assert.Equal(["to user-2", "to user-3"], trail.Where(e => e.Action == AuditAction.ActAs && e.Detail is not null).Select(e => e.Detail));
    }

    [Fact]
    public async Task Two_nodes_ending_a_session_at_once_end_it_once_with_one_end_record()
    {
        var one = await OpenNodeAsync();
        var two = await OpenNodeAsync();
        // Ten races, each released at once on two threads: one alone might not overlap.
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
            ids.Add(await StartAsync(one, $"tab-{i}", T0));

        foreach (var id in ids)
        {
            using var go = new ManualResetEventSlim();
            var ends = new[] { (Store: one, Cause: SessionEndCause.Stopped), (Store: two, Cause: SessionEndCause.NodeLost) }.Select(node => Task.Run(async () =>
            {
                go.Wait(Ct);
                return await node.Store.EndAsync(id, null, T0.AddMinutes(1), node.Cause, End(id, T0.AddMinutes(1), node.Cause.ToString()), [], Ct);
            }, Ct)).ToArray();
            go.Set();
            var ended = await Task.WhenAll(ends);

            Assert.Single(ended, e => e);
            var record = Assert.Single(await TrailAsync(id), e => e.Action == AuditAction.Stop);
            Assert.Equal(record.Detail, (await two.FindAsync(id, Ct))!.EndCause.ToString());
        }
    }

    [Fact]
    public async Task Unseen_sessions_are_the_open_ones_whose_holder_was_not_seen_since_the_time_given()
    {
        var store = await OpenNodeAsync();
        var unseen = await StartAsync(store, "tab-a", T0);
        var ended = await StartAsync(store, "tab-b", T0);
        await store.EndAsync(ended, null, T0.AddMinutes(1), SessionEndCause.Stopped, End(ended, T0.AddMinutes(1)), [], Ct);
        var touched = await StartAsync(store, "tab-c", T0);
        await store.TouchAsync(touched, "tab-c", T0.AddMinutes(10), T0.AddMinutes(10), Ct);
        await StartAsync(store, "tab-d", T0.AddMinutes(6));

        var found = await store.FindUnseenAsync(T0.AddMinutes(5), Ct);

        Assert.Equal([unseen], found.Select(s => s.Id));
    }

    protected static async Task<string> StartAsync(IActingSessionStore store, string circuitId, DateTimeOffset at, AIRiskUser? target = null)
    {
        var id = Guid.NewGuid().ToString("N");
        target ??= new AIRiskUser("user-1", "Una User", "una@example.com", "User");
        var session = new ActingSessionRecord(id, "staff-1", "Ann Admin", target, "Ticket 42", at, at);
        await store.StartAsync(session, circuitId, Entry(id, AuditAction.ActAs, at), Ct);
        return id;
    }

    protected static AuditEntry Write(string sessionId, DateTimeOffset at) => Entry(sessionId, AuditAction.Write, at, "a new conversation");

    protected static AuditEntry End(string sessionId, DateTimeOffset at, string detail = "stopped") => Entry(sessionId, AuditAction.Stop, at, detail);

    private static AuditEntry Switch(string sessionId, DateTimeOffset at, string detail) => Entry(sessionId, AuditAction.ActAs, at, detail);

    private static AuditEntry Entry(string sessionId, AuditAction action, DateTimeOffset at, string? detail = null) => new()
    {
        AtUtc = at,
        StaffId = "staff-1",
        StaffName = "Ann Admin",
        Action = action,
        Outcome = AuditOutcome.Succeeded,
        TargetUserId = "user-1",
        TargetUserName = "Una User",
        Detail = detail,
        SessionId = sessionId,
    };
}
