using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Approvals;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// A reload or reconnect of this tab takes up the acting session its stored id names: if it is open, this staff
/// member's, not held by another connected tab (on any node), within its limits, its target, looked up afresh, is
/// still listed and allowed, and its ticket (if it has one) still fits. The resume is recorded before its token is
/// requested. One per circuit.
/// </summary>
public sealed partial class SessionResume(
    TokenState tokens,
    ITabSessionStorage storage,
    IActingSessionStore sessions,
    SessionRules rules,
    ApprovalGate approvals,
    TargetLookup targets,
    StaffContext staff,
    TabSession tab,
    SessionEnder ender,
    TicketRecheck tickets,
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
        if (tokens.Current.IsActing || tokens.SwitchingTo is not null || await storage.ReadAsync() is not { } id)
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

        // A ticket like a click's: a click during the wait for the lease or the lookups supersedes the resume.
        using var ticket = await tokens.BeginSwitchAsync(session!.Target, ct);
        var leased = false;
        try
        {
            var lease = await TakeLeaseAsync(id, ticket.Token);
            if (lease != LeaseResult.Taken)
            {
                LogNotResumed(lease == LeaseResult.Ended ? "session ended" : "the session is open in another connected tab");
                if (lease == LeaseResult.Ended)
                    await storage.SaveAsync(null);
                await tokens.AbandonAsync(ticket, "not resumed");
                return null;
            }

            leased = true;
            var target = await targets.FindAsync(session.Target.Id, ticket.Token);
            // A standing approval (or break-glass) covers a protected target again; the ticket is checked as at a renewal.
            var approved = target is not null && await approvals.ResumeAsync(target, ticket.Token);
            var verdict = rules.EndVerdict(staff.Current, session.Target, target, session.StartedUtc, session.LastActivityUtc, time.GetUtcNow(), approved)
                ?? (await tickets.EndReasonAsync(id, ticket.Token) is { } closed ? new SessionVerdict(SessionEndCause.TicketClosed, closed) : null);
            if (verdict is not null)
            {
                await status.SetNoticeAsync(SessionEnder.Notice(verdict.Cause, session.Target, verdict.Why), raise: false);
                await tokens.AbandonAsync(ticket, verdict.Why);
                await ender.EndAsync(verdict.Cause, id, ender.EndRecord(verdict.Cause, id, session.Target, verdict.Why));
                await storage.SaveAsync(null);
                return null;
            }

            // Recorded before its token is asked for: a resume that cannot be recorded gets none.
            await audit.RecordResumeAsync(id, target, session.Reason, ticket.Token);
            var token = await tokens.GetTokenAsync(ticket);
            if (!tokens.IsCurrent(ticket))
                return await SupersededAsync(id, session.Target);
            tab.Id = id;
            clock.Resume(session.StartedUtc, session.LastActivityUtc);
            await tokens.ApplyAsync(ticket, token);
            recent.Add(target!);
            return target;
        }
        catch (OperationCanceledException) when (!tokens.IsCurrent(ticket) && !ct.IsCancellationRequested)
        {
            return leased ? await SupersededAsync(id, session.Target) : null;
        }
        catch (ActingSessionEndedException)
        {
            await status.SetNoticeAsync(new ActingNotice($"Could not resume acting as {session.Target.DisplayName}: the session ended elsewhere."), raise: false);
            await tokens.AbandonAsync(ticket, "session ended elsewhere");
            await storage.SaveAsync(null);
            return null;
        }
        catch (Exception e) when (e is AuditUnavailableException or AIRiskApiException)
        {
            // Not ended: nothing says it must, and a reload may take it up once AIRisk or the audit database is back.
            await status.SetNoticeAsync(new ActingNotice($"Could not resume acting as {session.Target.DisplayName}: {e.Message}"), raise: false);
            await tokens.AbandonAsync(ticket, e.Message);
            return null;
        }
    }

    /// <summary>A click came while resuming: the session this tab took up for the resume ends, as if switched from.</summary>
    private async Task<AIRiskUser?> SupersededAsync(string id, AIRiskUser target)
    {
        await ender.EndAsync(SessionEndCause.Switched, id, ender.EndRecord(SessionEndCause.Switched, id, target));
        return null;
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
