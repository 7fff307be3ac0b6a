using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Approvals;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Users;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// Watches this tab's acting session every second, on the circuit's dispatcher (one step at a time with the tab's
/// clicks), whether or not anything is on screen: it ends the session once a limit passes, once the policy refuses it
/// for the staff member as last revalidated or the target as the user list last listed them (within one interval of
/// either changing), once its ticket no longer fits (every <c>TICKET_RECHECK_MINUTES</c>), and it shows every node that the tab is alive, saving staff's activity with it. A session that
/// ended elsewhere, or that another tab took up, stops here at the next heartbeat. One per circuit.
/// </summary>
public sealed partial class SessionWatch(
    TokenState tokens,
    TabSession tab,
    StaffContext staff,
    SessionRules rules,
    ApprovalGate approvals,
    UserDirectoryLoader directory,
    ActingSessionClock clock,
    SessionEnder ender,
    TicketRecheck ticket,
    IActingSessionStore sessions,
    CircuitDispatcher dispatcher,
    TimeProvider time,
    ILogger<SessionWatch> logger) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private ITimer? _timer;
    private int _checking;
    private DateTimeOffset _lastHeartbeat;
    private int _beating;

    /// <summary>Starts watching (once per tab; the layout calls it when the tab opens).</summary>
    public void Start() => _timer ??= time.CreateTimer(_ => _ = TickAsync(), null, Interval, Interval);

    private async Task TickAsync()
    {
        // One check at a time: ending a session awaits the audit trail, which may take longer than a tick.
        if (Interlocked.Exchange(ref _checking, 1) == 1)
            return;
        try
        {
            await dispatcher.InvokeAsync(() => CheckAsync(waitForHeartbeat: false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A timer has no caller to report to: logged, and the next tick checks again.
            LogCheckFailed(e);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    /// <summary>One check, as the timer runs it every second, and its heartbeat if one is due.</summary>
    public Task CheckAsync() => CheckAsync(waitForHeartbeat: true);

    // The timer does not wait for the heartbeat: a slow store must never hold back the next tick's checks.
    private async Task CheckAsync(bool waitForHeartbeat)
    {
        var identity = tokens.Current;
        if (identity.User is not { } user || tab.Id is not { } id || clock.StartedAt is not { } startedAt)
            return;
        var now = time.GetUtcNow();
        var heartbeat = HeartbeatAsync(id, now);
        // A switch in flight starts a new session; ending the old one now would cancel that click (its limits and policy
        // are checked again at the next tick after it).
        if (tokens.SwitchingTo is null && tab.Id == id)
            await EndIfDueAsync(user, startedAt, now);
        // Asked off the tick (a ticket system may take seconds); the end it may bring comes back to the dispatcher.
        var ticketChecked = tab.Id == id && ticket.IsDue(startedAt, now) ? EndIfTicketClosedAsync(id) : Task.CompletedTask;
        if (waitForHeartbeat)
            await Task.WhenAll(heartbeat, ticketChecked);
    }

    private async Task EndIfTicketClosedAsync(string id)
    {
        try
        {
            if (await ticket.EndReasonAsync(id, CancellationToken.None) is { } why)
                await dispatcher.InvokeAsync(() => tab.Id == id ? ender.EndAsync(SessionEndCause.TicketClosed, why) : Task.CompletedTask);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not awaited by the timer: reported here, and the next check asks again.
            LogCheckFailed(e);
        }
    }

    private async Task EndIfDueAsync(AIRiskUser user, DateTimeOffset startedAt, DateTimeOffset now)
    {
        // Before the list first loads (single-user mode by id alone), the target is as the session started. Once loaded,
        // asking for it without waiting reloads a list older than its refresh interval behind the one in use.
        AIRiskUser? listed = user;
        if (directory.Current is { } snapshot)
        {
            _ = directory.GetAsync(refresh: false, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            listed = snapshot.ById.GetValueOrDefault(user.Id);
        }

        if (rules.EndVerdict(staff.Current, user, listed, startedAt, clock.LastActivity, now, listed is not null && approvals.Covers(listed, now)) is { } verdict)
            await ender.EndAsync(verdict.Cause, verdict.Why);
    }

    /// <summary>Shows every node the tab is alive (even while a switch waits for AIRisk's sign-in), saving staff's activity.</summary>
    private async Task HeartbeatAsync(string id, DateTimeOffset now)
    {
        if (now - _lastHeartbeat < SessionLeaseTiming.Heartbeat || Interlocked.Exchange(ref _beating, 1) == 1)
            return;
        _lastHeartbeat = now;
        try
        {
            if (!await sessions.TouchAsync(id, tab.CircuitId, clock.LastActivity, now, CancellationToken.None))
                await ender.LostAsync(id);
        }
        catch (AuditUnavailableException e)
        {
            // The session goes on: its writes fail closed on their own, and the next heartbeat tries again.
            LogHeartbeatFailed(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not awaited by the timer: reported here, and the next heartbeat tries again.
            LogCheckFailed(e);
        }
        finally
        {
            Volatile.Write(ref _beating, 0);
        }
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the acting session failed")]
    private partial void LogCheckFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The acting session's heartbeat could not be saved: {Reason}")]
    private partial void LogHeartbeatFailed(string reason);
}
