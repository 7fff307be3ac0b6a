using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Approvals;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Acting;

/// <summary>
/// The console's answer when an acting user's token must be renewed: the session goes on only if it could start now,
/// with its target looked up afresh (a target no longer listed, or now protected, or a staff member who lost a role, ends
/// it on record, and no token is requested; so does a ticket that no longer fits), and the renewal is recorded under the session before the token is asked
/// for. AIRisk refusing to sign the user in again ends the session too. One per circuit.
/// </summary>
public sealed class ActingRenewalGate(
    TokenState tokens,
    TargetLookup targets,
    SessionRules rules,
    ApprovalGate approvals,
    StaffContext staff,
    ActingSessionClock clock,
    ActingAudit audit,
    SessionEnder ender,
    TicketRecheck ticket,
    TabSession tab,
    TimeProvider time) : IRenewalGate
{
    public async Task CheckAsync(ActingIdentity identity, CancellationToken ct)
    {
        var user = identity.User!;
        var listed = await targets.FindAsync(user.Id, ct);
        // The lookup took a while: a switch or stop meanwhile ended this identity, and nothing here is its any more.
        if (tokens.Current.Version != identity.Version)
            throw new AIRiskApiException($"The acting session as {user.DisplayName} has ended; this call was not sent.");
        var startedAt = clock.StartedAt ?? time.GetUtcNow();
        if (rules.EndVerdict(staff.Current, user, listed, startedAt, clock.LastActivity, time.GetUtcNow(), listed is not null && approvals.Covers(listed, time.GetUtcNow())) is { } verdict)
        {
            await ender.EndAsync(verdict.Cause, verdict.Why);
            throw new AIRiskApiException($"Stopped acting as {user.DisplayName}: {verdict.Why}.");
        }

        // The ticket the session was started for, asked again: solved, closed or reassigned ends it before any token.
        if (tab.Id is { } id && await ticket.EndReasonAsync(id, ct) is { } closed && tokens.Current.Version == identity.Version)
        {
            await ender.EndAsync(SessionEndCause.TicketClosed, closed);
            throw new AIRiskApiException($"Stopped acting as {user.DisplayName}: {closed}.");
        }

        try
        {
            await audit.RecordInSessionAsync(AuditAction.TokenRenewed, AuditOutcome.Succeeded, listed, ct);
        }
        catch (ActingSessionEndedException e)
        {
            await ender.LostAsync(e.SessionId);
            throw new AIRiskApiException($"The acting session as {user.DisplayName} has ended; this call was not sent.");
        }
        catch (AuditUnavailableException e)
        {
            throw new AIRiskApiException($"The token of {user.DisplayName} was not renewed: {e.Message}");
        }
    }

    public async Task RefusedAsync(ActingIdentity identity, AIRiskAuthException refusal)
    {
        // Only the session in force: a late answer for one that already ended must not end its successor.
        if (tokens.Current.Version == identity.Version)
            await ender.EndAsync(SessionEndCause.TokenRefused, refusal.Message);
    }
}
