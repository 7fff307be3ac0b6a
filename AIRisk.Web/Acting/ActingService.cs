using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Telemetry;
using AIRisk.Web.Acting.AIRiskSignIn;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Users;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting;

/// <summary>
/// Starts, switches, resumes and ends acting for this tab, after policy, reason and audit. Each acting session is a
/// server-side record (the tab keeps only its id) and ends on record with a cause. A failed or refused switch becomes
/// <see cref="LastError"/> and leaves the previous identity in place; a switch that cannot be audited does not
/// happen, and its token is never requested. One per circuit.
/// </summary>
public sealed partial class ActingService(
    TokenState tokens,
    UserDirectoryLoader directory,
    StaffContext staff,
    ImpersonationPolicy policy,
    IOptions<ConsolePolicyOptions> policyOptions,
    ActingSessionClock clock,
    IStaffPrompts prompts,
    ActingAudit audit,
    RecentUsers recent,
    IActingSessionStore sessions,
    SessionLeases leases,
    CircuitIdentity circuit,
    TabSession inForce,
    ITabSessionStorage tab,
    TimeProvider time,
    ConsoleTelemetry telemetry,
    ILogger<ActingService> logger)
{
    private const int LeaseAttempts = 12;
    private static readonly TimeSpan LeaseRetryDelay = TimeSpan.FromMilliseconds(250);

    private bool _singleUserStarted;

    /// <summary>The switch running is single-user mode's start (a sign-in click then retries the whole start).</summary>
    private bool _startingSingleUser;

    /// <summary>Why the last switch failed or the session ended; cleared when a switch starts.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised when <see cref="LastError"/> changes.</summary>
    public event Action? ErrorChanged;

    /// <summary>When <see cref="LastError"/> is a sign-in only a click can open: what that click should retry.</summary>
    public Func<Task>? SignInRetry { get; private set; }

    /// <summary>The id of this tab's acting session, while one is in force.</summary>
    public string? SessionId => inForce.Id;

    /// <summary>Acts as <paramref name="user"/>; on refusal or failure, records and shows why, keeping the previous identity.</summary>
    /// <returns><c>true</c> when <paramref name="user"/> is now the acting user.</returns>
    public async Task<bool> ActAsAsync(AIRiskUser user, CancellationToken ct = default)
    {
        SetError(null);
        if (policy.Refusal(staff.Current, user) is { } refusal)
        {
            await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Refused, user, error: refusal);
            SetError($"You may not act as {user.DisplayName}: {refusal}.");
            telemetry.SwitchEnded(TimeSpan.Zero, SwitchCache.None, SwitchOutcome.Refused);
            return false;
        }

        string? reason = null;
        if (policyOptions.Value.RequireReason)
        {
            reason = await prompts.AskReasonAsync(user, ct);
            if (string.IsNullOrWhiteSpace(reason))
                return false;
        }

        // Timed from here: the wait for staff to give a reason is not the switch's.
        using var measurement = new SwitchMeasurement(telemetry, user, time.GetUtcNow());
        var session = new ActingSessionRecord(Guid.NewGuid().ToString("N"), staff.Current.Id, staff.Current.Name, user, reason, time.GetUtcNow(), time.GetUtcNow());
        string? started = null;
        (string? Id, AIRiskUser? User) previous = default;
        var tabKnows = Task.CompletedTask;
        try
        {
            var applied = await tokens.ActAsAsync(user,
                beforeToken: async _ =>
                {
                    // Before the token is requested, in one write: a refused audit write mints nothing. Not cancelled
                    // by a newer click: the record of what staff asked for stands either way. The tab learns the id
                    // meanwhile, so a reload as soon as the switch shows resumes it (a session that never starts is
                    // not resumed, and a failed switch puts back the one in force). Its answer is not waited for
                    // here: the write reaches the browser ahead of any render of this switch, and the browser runs
                    // them in order.
                    var recording = audit.RecordStartAsync(session, circuit.Id, ct);
                    tabKnows = tab.SaveAsync(session.Id);
                    await recording;
                    started = session.Id;
                },
                beforeApply: _ =>
                {
                    // The staff member may have been refused meanwhile (revalidation): ask again before it takes effect.
                    if (policy.Refusal(staff.Current, user) is { } late)
                        throw new AIRiskApiException($"you may not act as {user.DisplayName} now: {late}");
                    previous = (SessionId, tokens.Current.User);
                    // Before the switch is applied, so the screen's render of the new identity shows its session too.
                    clock.Start();
                    return Task.CompletedTask;
                }, ct);
            if (!applied)
            {
                measurement.End(SwitchOutcome.Superseded);
                await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Superseded, user, reason);
                await EndRecordAsync(session.Id, SessionEndCause.NeverStarted);
                return false;
            }

            measurement.End(SwitchOutcome.Succeeded, tokens.Current.Token);
            await BeginAsync(session, previous.Id, previous.User);
            await tabKnows;
            return true;
        }
        catch (AuditUnavailableException e)
        {
            LogSwitchUnaudited(e.InnerException ?? e, user.Id);
            measurement.End(SwitchOutcome.Unaudited);
            await tab.SaveAsync(SessionId);
            SetError($"Did not act as {user.DisplayName}: {e.Message}");
            return false;
        }
        catch (SignInNeedsClickException e)
        {
            // Not a failure of the switch: it waits for the click that lets AIRisk's sign-in window open.
            await EndRecordAsync(started, SessionEndCause.NeverStarted);
            SetError($"To act as {user.DisplayName}: {e.Message}", _startingSingleUser ? RetrySingleUserModeAsync : () => ActAsAsync(user));
            return false;
        }
        catch (AIRiskApiException e)
        {
            await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Failed, user, reason, error: e.Message);
            await EndRecordAsync(started, SessionEndCause.NeverStarted);
            SetError($"Could not act as {user.DisplayName}: {e.Message}");
            return false;
        }
        catch (OperationCanceledException) when (started is not null)
        {
            // The caller gave up after the start record: the session ends on record and the tab gets the one in force back.
            await EndRecordAsync(started, SessionEndCause.NeverStarted);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The boundary of a staff click: an unexpected failure is reported, never allowed to end the circuit.
            LogSwitchCrashed(e, user.Id);
            await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Failed, user, reason, error: "unexpected error");
            await EndRecordAsync(started, SessionEndCause.NeverStarted);
            SetError($"Could not act as {user.DisplayName}: an unexpected error occurred (see the server log).");
            return false;
        }
    }

    /// <summary>
    /// A reload or reconnect of this tab: takes up the acting session the tab's stored id names, if it is still open,
    /// is this staff member's, is not held by another connected tab, has not passed its limits and its target is
    /// still allowed. The token comes from the cache when it is still fresh.
    /// </summary>
    /// <returns>The user acting resumed as, or <c>null</c>.</returns>
    public async Task<AIRiskUser?> ResumeAsync(CancellationToken ct)
    {
        if (tokens.Current.IsActing || await tab.ReadAsync() is not { } id)
            return null;
        ActingSessionRecord? session;
        try
        {
            session = await sessions.FindAsync(id, ct);
        }
        catch (AuditUnavailableException e)
        {
            LogResumeFailed(e.Message);
            return null;
        }

        if (session is null || session.HasEnded || session.StaffId != staff.Current.Id)
        {
            LogNotResumed(session is null ? "unknown session" : session.HasEnded ? "session ended" : "another staff member's session");
            await tab.SaveAsync(null);
            return null;
        }

        if (!await TakeLeaseAsync(session.Id, ct))
        {
            LogNotResumed("the session is open in another connected tab");
            return null;
        }
        if (clock.LimitPassed(session.StartedUtc, session.LastActivityUtc) is { } limit)
        {
            await EndAsync(session, limit == SessionLimit.Idle ? SessionEndCause.Idle : SessionEndCause.Cap, AuditAction.Expire, clock.Describe(limit));
            SetError($"Your acting session as {session.Target.DisplayName} ended while you were away: {clock.Describe(limit)}.");
            return null;
        }

        if (policy.Refusal(staff.Current, session.Target) is { } refusal)
        {
            await EndAsync(session, SessionEndCause.TargetNowProtected, AuditAction.Stop, refusal);
            SetError($"Stopped acting as {session.Target.DisplayName}: {refusal}.");
            return null;
        }

        try
        {
            var applied = await tokens.ActAsAsync(session.Target, beforeToken: null, beforeApply: async c =>
            {
                await audit.RecordAsync(AuditAction.Resumed, AuditOutcome.Succeeded, session.Target, c, session.Reason, session: session.Id);
                clock.Resume(session.StartedUtc, session.LastActivityUtc);
            }, ct);
            if (!applied)
                return null;

            inForce.Id = session.Id;
            recent.Add(session.Target);
            return session.Target;
        }
        catch (Exception e) when (e is AuditUnavailableException or AIRiskApiException)
        {
            SetError($"Could not resume acting as {session.Target.DisplayName}: {e.Message}");
            return null;
        }
    }

    public async Task StopActingAsync()
    {
        SetError(null);
        await EndCurrentAsync(SessionEndCause.Stopped, AuditAction.Stop, detail: "stopped");
    }

    /// <summary>Ends the acting session if its idle timeout or hard cap has passed, and says why.</summary>
    public async Task<bool> ExpireIfDueAsync()
    {
        // A switch in flight starts a new session; ending the old one now would cancel that click.
        if (tokens.SwitchingTo is not null || clock.ExpiryReason() is not { } why || tokens.Current.User is not { } user)
            return false;
        var cause = clock.Remaining().Limit == SessionLimit.Idle ? SessionEndCause.Idle : SessionEndCause.Cap;
        await EndCurrentAsync(cause, AuditAction.Expire, why, $"Stopped acting as {user.DisplayName}: {why}.");
        return true;
    }

    /// <summary>
    /// The tab's circuit is gone (closed, or reloaded: a reload closes the old page's circuit too). Its session ends
    /// (cause: tab closed) once the grace period has passed without a reload of the tab taking it up.
    /// </summary>
    public async Task EndForClosedTabAsync()
    {
        if (SessionId is not { } id)
            return;
        leases.SetConnected(circuit.Id, connected: false);
        await Task.Delay(policyOptions.Value.TabClosedGrace, time);
        if (SessionId == id && leases.Holds(id, circuit.Id))
            await EndCurrentAsync(SessionEndCause.TabClosed, AuditAction.Stop, detail: "tab closed");
    }

    /// <summary>Saves staff activity on the session record, so a reload counts the idle time from it.</summary>
    public async Task RecordActivityAsync(CancellationToken ct)
    {
        if (SessionId is not { } id)
            return;
        try
        {
            await sessions.TouchAsync(id, circuit.Id, clock.LastActivity, time.GetUtcNow(), ct);
        }
        catch (AuditUnavailableException e)
        {
            LogResumeFailed(e.Message);
        }
    }

    /// <summary>
    /// Before a user's token is renewed: the session goes on only if it could start now (the target may have become
    /// protected, the staff member may have lost a role). Otherwise it ends, on record, and no token is requested.
    /// </summary>
    public async Task CheckRenewalAsync(ActingIdentity session, CancellationToken ct)
    {
        var target = directory.Current?.ById.GetValueOrDefault(session.User!.Id) ?? session.User!;
        if (policy.Refusal(staff.Current, target) is { } refusal)
        {
            var cause = policy.Refusal(staff.Current, session.User!) is null ? SessionEndCause.TargetNowProtected : SessionEndCause.StaffLostRole;
            await EndCurrentAsync(cause, AuditAction.Stop, refusal, $"Stopped acting as {target.DisplayName}: {refusal}.");
            throw new AIRiskApiException($"Stopped acting as {target.DisplayName}: {refusal}.");
        }

        await audit.RecordBestEffortAsync(AuditAction.TokenRenewed, AuditOutcome.Succeeded, target);
    }

    /// <summary>
    /// The staff member may no longer use the console (signed out in another tab, the role withdrawn at the identity
    /// provider): acting stops, on record with <paramref name="cause"/>, and staff are told why.
    /// </summary>
    public async Task EndForStaffAsync(SessionEndCause cause, string why)
    {
        var message = $"Stopped acting: {why}. Sign in again to go on.";
        if (tokens.Current.IsActing || SessionId is not null)
            await EndCurrentAsync(cause, AuditAction.Stop, why, message);
        else
            SetError($"You can no longer act as anyone: {why}. Sign in again to go on.");
    }

    /// <summary>AIRisk refused to sign the session's user in again: the session ends (cause: token refused).</summary>
    public async Task EndForRefusedTokenAsync(ActingIdentity session, AIRiskAuthException refusal)
    {
        if (tokens.Current.Version != session.Version)
            return;
        var name = session.User?.DisplayName ?? "this user";
        await EndCurrentAsync(SessionEndCause.TokenRefused, AuditAction.Stop, $"token refused: {refusal.Message}",
            $"Stopped acting as {name}: AIRisk refused to sign in as them again ({refusal.Message}).");
    }

    public void DismissError() => SetError(null);

    /// <summary>
    /// Single-user mode: with <c>USER_ID</c> configured, the circuit starts acting as that user, once (a reload
    /// resumes its session instead). The user list supplies the name and role; if it cannot load, the switch still
    /// runs with the id alone.
    /// </summary>
    public async Task StartSingleUserModeAsync(CancellationToken ct)
    {
        if (_singleUserStarted || string.IsNullOrWhiteSpace(directory.ConfiguredUserId) || tokens.Current.IsActing)
            return;
        _singleUserStarted = true;

        var userId = directory.ConfiguredUserId;
        AIRiskUser user;
        try
        {
            var snapshot = await directory.GetAsync(refresh: false, ct);
            if (snapshot.ById.GetValueOrDefault(userId) is not { } known)
            {
                // A configuration mistake, not a failed switch: said once per page, never tried and recorded again.
                SetError($"USER_ID is set to '{userId}', which is not a user of this AIRisk instance: fix USER_ID in .env or the environment, or remove it.");
                return;
            }

            user = known;
        }
        catch (AIRiskApiException e)
        {
            LogDirectoryUnavailable(userId, e.Message);
            user = AIRiskUser.FromId(userId);
        }

        _startingSingleUser = true;
        try
        {
            await ActAsAsync(user, ct);
        }
        finally
        {
            _startingSingleUser = false;
        }
    }

    private Task RetrySingleUserModeAsync()
    {
        _singleUserStarted = false;
        return StartSingleUserModeAsync(CancellationToken.None);
    }

    /// <summary>
    /// On a reload the old page's connection may not have closed yet when the new one asks: give it a moment before
    /// concluding that another tab, still connected, holds the session.
    /// </summary>
    private async Task<bool> TakeLeaseAsync(string sessionId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (leases.TryTake(sessionId, circuit.Id))
                return true;
            if (attempt == LeaseAttempts)
                return false;
            await Task.Delay(LeaseRetryDelay, time, ct);
        }
    }


    /// <summary>
    /// The switch to <paramref name="session"/> took effect: it becomes the tab's session, and the previous one ends
    /// (cause: switched) in the same write as the new one's success record.
    /// </summary>
    private async Task BeginAsync(ActingSessionRecord session, string? previous, AIRiskUser? previousUser)
    {
        inForce.Id = session.Id;
        leases.TryTake(session.Id, circuit.Id);
        recent.Add(session.Target);
        var succeeded = audit.Entry(AuditAction.ActAs, AuditOutcome.Succeeded, session.Target, session.Reason);
        if (previous is null)
        {
            await audit.RecordBestEffortAsync(succeeded);
            return;
        }

        leases.Release(previous, circuit.Id);
        await audit.EndSessionAsync(previous, SessionEndCause.Switched,
            audit.Entry(AuditAction.Stop, AuditOutcome.Succeeded, previousUser, detail: "switched", session: previous), succeeded);
    }

    /// <param name="why">What staff are told, shown as acting stops (not after its records are written).</param>
    private async Task EndCurrentAsync(SessionEndCause cause, AuditAction action, string detail, string? why = null)
    {
        var user = tokens.Current.User;
        var id = SessionId;
        if (why is not null)
            SetError(why);
        clock.Stop();
        // Ending an acting session lowers privilege, so it never waits on (or fails with) the audit trail.
        await tokens.StopActingAsync();
        inForce.Id = null;
        if (id is not null)
        {
            leases.Release(id, circuit.Id);
            await audit.EndSessionAsync(id, cause, user is null ? [] : [audit.Entry(action, AuditOutcome.Succeeded, user, detail: detail, session: id)]);
        }
        else if (user is not null)
        {
            await audit.RecordBestEffortAsync(action, AuditOutcome.Succeeded, user, detail: detail);
        }

        await tab.SaveAsync(null);
    }

    /// <summary>Ends a session found on resume (not in force in this tab), on record.</summary>
    private async Task EndAsync(ActingSessionRecord session, SessionEndCause cause, AuditAction action, string detail)
    {
        leases.Release(session.Id, circuit.Id);
        await audit.EndSessionAsync(session.Id, cause, audit.Entry(action, AuditOutcome.Succeeded, session.Target, detail: detail, session: session.Id));
        await tab.SaveAsync(null);
    }

    /// <summary>
    /// Marks a session that never took effect as ended, in the store only, and gives the tab back the session still
    /// in force (a newer switch, if one won, saves its own).
    /// </summary>
    private async Task EndRecordAsync(string? id, SessionEndCause cause)
    {
        if (id is null)
            return;
        leases.Release(id, circuit.Id);
        await audit.EndSessionAsync(id, cause);
        if (tokens.SwitchingTo is null)
            await tab.SaveAsync(SessionId);
    }

    private void SetError(string? error, Func<Task>? signInRetry = null)
    {
        if (error == LastError && signInRetry == SignInRetry)
            return;
        LastError = error;
        SignInRetry = signInRetry;
        ErrorChanged?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single-user mode: user list unavailable ({Reason}); acting as {UserId} by id alone")]
    private partial void LogDirectoryUnavailable(string userId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Switch to {UserId} not done: its start could not be recorded")]
    private partial void LogSwitchUnaudited(Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Switch to {UserId} failed unexpectedly")]
    private partial void LogSwitchCrashed(Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not resuming the tab's acting session: {Reason}")]
    private partial void LogNotResumed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acting session could not be read or touched: {Reason}")]
    private partial void LogResumeFailed(string reason);

}
