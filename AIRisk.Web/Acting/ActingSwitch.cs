using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Telemetry;
using AIRisk.Web.Acting.AIRiskSignIn;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Approvals;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Tickets;

namespace AIRisk.Web.Acting;

/// <summary>
/// A switch of this tab to a user, top to bottom: policy, grounds (ticket and reason), detection, start record, alerts,
/// token, policy again, apply, success record. A switch that is refused or fails says why and leaves the identity in force as it was; one
/// that cannot be recorded does not happen, and its token is never requested; a newer click supersedes it at any step.
/// One per circuit.
/// </summary>
public sealed partial class ActingSwitch(
    TokenState tokens,
    StaffContext staff,
    ImpersonationPolicy policy,
    Detector detection,
    GroundsStep grounds,
    TicketCheck tickets,
    ActingAudit audit,
    SessionEnder ender,
    ActingStatus status,
    TabSession tab,
    ITabSessionStorage storage,
    ActingSessionClock clock,
    RecentUsers recent,
    ApprovalRule approvalRule,
    ApprovalGate approvals,
    TimeProvider time,
    ConsoleTelemetry telemetry,
    ILogger<ActingSwitch> logger)
{
    /// <summary>Acts as <paramref name="user"/>; on refusal or failure, records and shows why, keeping the identity in force.</summary>
    /// <param name="user">Who to act as.</param>
    /// <param name="signInRetry">What a click on "Sign in to AIRisk" runs, when AIRisk's sign-in needs one; <c>null</c>: this switch again.</param>
    /// <param name="linkedTicket">The ticket a <c>?ticket=</c> link named, filled in the reason prompt.</param>
    /// <param name="ct">The caller giving up (not a newer click: that supersedes the switch by itself).</param>
    /// <returns><c>true</c> when <paramref name="user"/> is now the acting user.</returns>
    public async Task<bool> SwitchAsync(AIRiskUser user, Func<Task>? signInRetry = null, string? linkedTicket = null, CancellationToken ct = default)
    {
        await status.SetNoticeAsync(null);

        // 1. Policy: who may act as whom. A protected target may ask a second person instead (step 3b).
        string? secondPerson = null;
        if (policy.Refusal(staff.Current, user) is { } refusal && (secondPerson = approvalRule.ForProtectedTarget(staff.Current, user)) is null)
        {
            await RecordRefusalAsync(user, refusal, []);
            telemetry.SwitchEnded(TimeSpan.Zero, SwitchCache.None, SwitchOutcome.Refused);
            await status.SetNoticeAsync(new ActingNotice($"You may not act as {user.DisplayName}: {refusal}."));
            return false;
        }

        // 2. Grounds: the ticket (checked with the ticket system, before any token) and the reason, where the console asks
        // for them. Not timed: the wait for staff is not the switch's.
        var asked = await grounds.AskAsync(user, linkedTicket, ct);
        if (asked.NoFittingTicket)
        {
            // Without a fitting ticket where one is required, a second person may still let it go on (step 3b).
            var required = $"a fitting {tickets.SystemName} ticket is required (TICKET_REQUIRED)";
            if (approvalRule.ForMissingTicket(staff.Current, asked.TicketProblem ?? required) is not { } noTicket)
            {
                await RecordRefusalAsync(user, required, []);
                await status.SetNoticeAsync(new ActingNotice($"You may not act as {user.DisplayName}: {required}."));
                return false;
            }
            secondPerson = secondPerson is null ? noTicket : $"{secondPerson}; {noTicket}";
            asked = GroundsOutcome.Accepted(new ActAsGrounds(null, asked.Reason));
        }

        if (asked.Grounds is not { } given)
            return false;
        var reason = given.Reason;

        using var measurement = new SwitchMeasurement(telemetry, user, time.GetUtcNow());
        var session = new ActingSessionRecord(Guid.NewGuid().ToString("N"), staff.Current.Id, staff.Current.Name, user, reason, time.GetUtcNow(), time.GetUtcNow()) { Ticket = given.Ticket };
        using var ticket = await tokens.BeginSwitchAsync(user, ct);
        var started = false;
        var tabKnows = Task.CompletedTask;
        (string? Id, AIRiskUser? User) previous;
        AccessToken token;
        try
        {
            // 3. Detection: the rules see this act-as in the shared trail before it starts; past twice a fan-out limit it is refused.
            var detected = await detection.CheckActAsAsync(staff.Current, user, ticket.Token);
            if (detected.Refusal is { } fannedOut && approvalRule.ForFanOut(staff.Current, fannedOut) is { } fanOut)
            {
                secondPerson = secondPerson is null ? fanOut : $"{secondPerson}; {fanOut}";
            }
            else if (detected.Refusal is { } tooMany)
            {
                await RecordRefusalAsync(user, tooMany, detected.Findings);
                measurement.End(SwitchOutcome.Refused);
                return await FailAsync(ticket, session, started, null, new ActingNotice($"You may not act as {user.DisplayName}: {tooMany}."));
            }

            // 3b. Approval, when an exception asks for a second person: the tab waits for one (or break-glass), then goes on or stops here. Not timed.
            if (secondPerson is not null && await measurement.UntimedAsync(() => approvals.AwaitApprovalAsync(staff.Current, user, secondPerson, reason, given.Ticket, session.Id, ticket.Token)) is { Proceeds: false } no)
            {
                await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Refused, user, reason, error: no.Message);
                measurement.End(SwitchOutcome.Refused);
                return await FailAsync(ticket, session, started, null, new ActingNotice($"Did not act as {user.DisplayName}: {no.Message}."));
            }

            // 4. Start record, before any token is requested: a refused write mints nothing. Not cancelled by a newer
            // click: what staff asked for stands either way. The tab learns the id meanwhile, so a reload as soon as the
            // switch shows resumes it; its answer reaches the browser ahead of any render of this switch, so it is not
            // waited for here.
            tabKnows = storage.SaveAsync(session.Id);
            await audit.RecordStartAsync(session, tickets.IsOn, ct);
            started = true;

            // 5. Alerts the act-as raised (a break-glass too), in its session, on record before the token is requested (a lost one is logged).
            await detection.RaiseAsync(staff.Current, detected.Findings, session.Id);
            await approvals.StartedAsync(session.Id);

            // 6. Token: the user's own, from the shared cache or AIRisk's flow with userid.
            token = await tokens.GetTokenAsync(ticket);

            // 7. Policy again: the staff member may have been refused meanwhile (revalidation).
            if (policy.Refusal(staff.Current, user) is { } late && !approvals.Covers(user, time.GetUtcNow()))
                throw new AIRiskApiException($"you may not act as {user.DisplayName} now: {late}");

            // 8. Apply, unless a newer click came: the identity, its session and its clock change in one render.
            if (!tokens.IsCurrent(ticket))
                return await SupersededAsync(session, started, measurement);
            previous = (tab.Id, tokens.Current.User);
            tab.Id = session.Id;
            clock.Start();
            await tokens.ApplyAsync(ticket, token);
        }
        catch (Exception) when (!tokens.IsCurrent(ticket) && !ct.IsCancellationRequested)
        {
            // A newer click or a stop replaced this switch: its outcome, even a failure, no longer matters.
            return await SupersededAsync(session, started, measurement);
        }
        catch (AuditUnavailableException e)
        {
            LogSwitchUnaudited(e.InnerException ?? e, user.Id);
            measurement.End(SwitchOutcome.Unaudited);
            return await FailAsync(ticket, session, started, null, new ActingNotice($"Did not act as {user.DisplayName}: {e.Message}"));
        }
        catch (SignInNeedsClickException e)
        {
            // Not a failure of the switch: it waits for the click that lets AIRisk's sign-in window open.
            return await FailAsync(ticket, session, started, "waiting for a click to sign in to AIRisk",
                new ActingNotice($"To act as {user.DisplayName}: {e.Message}", signInRetry ?? (() => SwitchAsync(user))));
        }
        catch (AIRiskApiException e)
        {
            return await FailAsync(ticket, session, started, e.Message, new ActingNotice($"Could not act as {user.DisplayName}: {e.Message}"));
        }
        catch (OperationCanceledException)
        {
            // The caller gave up: a session already started ends on record, and the tab gets the one in force back.
            await FailAsync(ticket, session, started, "cancelled", null);
            throw;
        }
        catch (Exception e)
        {
            // The boundary of a staff click: an unexpected failure is reported, never allowed to end the circuit.
            LogSwitchCrashed(e, user.Id);
            return await FailAsync(ticket, session, started, "unexpected error", new ActingNotice($"Could not act as {user.DisplayName}: an unexpected error occurred (see the server log)."));
        }

        // 9. Success record, in one write with the end of the session it replaced.
        measurement.End(SwitchOutcome.Succeeded, token);
        recent.Add(user);
        var succeeded = audit.Entry(AuditAction.ActAs, AuditOutcome.Succeeded, user, reason, session: session.Id);
        if (previous.Id is { } previousId)
            await ender.EndAsync(SessionEndCause.Switched, previousId, ender.EndRecord(SessionEndCause.Switched, previousId, previous.User), succeeded);
        else
            await audit.RecordBestEffortAsync(succeeded);
        await tabKnows;
        return true;
    }

    /// <summary>A refused act-as on record (the probing rule counts them), with the alerts its check found.</summary>
    private async Task RecordRefusalAsync(AIRiskUser user, string refusal, IReadOnlyList<Finding> findings)
    {
        await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Refused, user, error: refusal);
        await detection.AfterRefusalAsync(staff.Current, findings);
    }

    private async Task<bool> SupersededAsync(ActingSessionRecord session, bool started, SwitchMeasurement measurement)
    {
        measurement.End(SwitchOutcome.Superseded);
        await EndUnstartedAsync(session, started, audit.Entry(AuditAction.ActAs, AuditOutcome.Superseded, session.Target, session.Reason, session: started ? session.Id : null));
        return false;
    }

    /// <summary>
    /// The switch did not take effect: the screen says why as it stops showing the switch, its session (if started) ends
    /// with the failure as its end record, and the tab keeps the session in force.
    /// </summary>
    private async Task<bool> FailAsync(SwitchTicket ticket, ActingSessionRecord session, bool started, string? error, ActingNotice? notice)
    {
        await status.SetNoticeAsync(notice, raise: false);
        await tokens.AbandonAsync(ticket, error ?? notice?.Message ?? "not recorded");
        if (error is not null)
            await EndUnstartedAsync(session, started, audit.Entry(AuditAction.ActAs, AuditOutcome.Failed, session.Target, session.Reason, error: error, session: started ? session.Id : null));
        if (tokens.SwitchingTo is null)
            await storage.SaveAsync(tab.Id);
        return false;
    }

    /// <summary>How a switch that never took effect ended: the end record of its session, or a record of its own without one.</summary>
    private Task EndUnstartedAsync(ActingSessionRecord session, bool started, AuditEntry outcome) =>
        started ? ender.EndAsync(SessionEndCause.NeverStarted, session.Id, outcome) : audit.RecordBestEffortAsync(outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Switch to {UserId} not done: its start could not be recorded")]
    private partial void LogSwitchUnaudited(Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Switch to {UserId} failed unexpectedly")]
    private partial void LogSwitchCrashed(Exception exception, string userId);
}
