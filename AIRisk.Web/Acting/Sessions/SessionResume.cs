using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// A reload or reconnect of this tab takes up the acting session its stored id names: if it is open, this staff
/// member's, not held by another connected tab (on any node), within its limits, and its target, looked up afresh, is
/// still listed and allowed. The resume is recorded before its token is requested. One per circuit.
/// </summary>
public sealed partial class SessionResume(
    TokenState tokens,
    ITabSessionStorage storage,
    IActingSessionStore sessions,
    SessionRules rules,
    TargetLookup targets,
    StaffContext staff,
    TabSession tab,
    SessionEnder ender,
    ActingAudit audit,
    ActingStatus status,
    ActingSessionClock clock,
    RecentUsers recent,
    TimeProvider time,
    ILogger<SessionResume> logger)
{
    /// <returns>The user acting resumed as, or <c>null</c>.</returns>
    public async Task<AIRiskUser?> ResumeAsync(CancellationToken ct)
    {
        if (tokens.Current.IsActing || await storage.ReadAsync() is not { } id)
            return null;
        ActingSessionRecord? session;
        try
        {
            session = await sessions.FindAsync(id, ct);
        }
        catch (AuditUnavailableException e)
        {
            LogNotResumed(e.Message);
            return null;
        }

        if (SessionRules.ResumeRefusal(session, staff.Current) is { } refusal)
        {
            LogNotResumed(refusal);
            await storage.SaveAsync(null);
            return null;
        }

        if (await TakeLeaseAsync(id, ct) is var lease && lease != LeaseResult.Taken)
        {
            LogNotResumed(lease == LeaseResult.Ended ? "session ended" : "the session is open in another connected tab");
            if (lease == LeaseResult.Ended)
                await storage.SaveAsync(null);
            return null;
        }

        // This tab holds it now: whatever ends it from here goes through the door like any other ending.
        tab.Id = session!.Id;
        clock.Resume(session.StartedUtc, session.LastActivityUtc);
        SwitchTicket? ticket = null;
        try
        {
            var target = await targets.FindAsync(session.Target.Id, ct);
            if (rules.EndVerdict(staff.Current, session.Target, target, session.StartedUtc, session.LastActivityUtc, time.GetUtcNow()) is { } verdict)
            {
                await ender.EndAsync(verdict.Cause, verdict.Why);
                return null;
            }

            await audit.RecordInSessionAsync(AuditAction.Resumed, AuditOutcome.Succeeded, target, ct, session.Reason);
            ticket = await tokens.BeginSwitchAsync(target!, ct);
            if (!await tokens.ApplyAsync(ticket, await tokens.GetTokenAsync(ticket)))
                return null;
            recent.Add(target!);
            return target;
        }
        catch (ActingSessionEndedException)
        {
            await ender.LostAsync();
            return null;
        }
        catch (Exception e) when (e is AuditUnavailableException or AIRiskApiException)
        {
            // Not ended: nothing says it must, and a reload may take it up once AIRisk or the audit database is back.
            tab.Id = null;
            clock.Stop();
            await status.SetNoticeAsync(new ActingNotice($"Could not resume acting as {session.Target.DisplayName}: {e.Message}"), raise: ticket is null);
            if (ticket is not null)
                await tokens.AbandonAsync(ticket, e.Message);
            return null;
        }
        finally
        {
            ticket?.Dispose();
        }
    }

    /// <summary>
    /// On a reload the old page's connection may not have closed yet, and after a node is lost its tab's lease is only
    /// free once it goes stale: keep asking for a while before concluding that another tab, still connected, holds it.
    /// </summary>
    private async Task<LeaseResult> TakeLeaseAsync(string id, CancellationToken ct)
    {
        var giveUpAt = time.GetUtcNow() + SessionLeaseTiming.ResumeWait;
        while (true)
        {
            var now = time.GetUtcNow();
            var result = await sessions.TryTakeLeaseAsync(id, tab.CircuitId, now, now - SessionLeaseTiming.StaleAfter, ct);
            if (result != LeaseResult.HeldElsewhere || now >= giveUpAt)
                return result;
            await Task.Delay(SessionLeaseTiming.ResumeRetry, time, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not resuming the tab's acting session: {Reason}")]
    private partial void LogNotResumed(string reason);
}
