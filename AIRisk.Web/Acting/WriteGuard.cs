using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting;

/// <summary>
/// Stands before every write as the acting user: writes may be disabled (<c>ALLOW_WRITES=false</c>), need one explicit
/// confirmation per acting session, and are recorded before they are sent, under a session still open and held by this
/// tab (fail closed).
/// </summary>
public sealed class WriteGuard(TokenState tokens, ActingAudit audit, SessionEnder ender, ActingSessionClock clock, IStaffPrompts prompts, IOptions<ConsolePolicyOptions> policy)
{
    private long _confirmedVersion = -1;

    public bool WritesAllowed => policy.Value.AllowWrites;

    /// <summary>
    /// Authorizes and records <paramref name="what"/> for the acting user, runs <paramref name="write"/> only if that
    /// user is still the one acting once the record is written, and records how it ended (against that same user).
    /// Failures of the write propagate after they are recorded.
    /// </summary>
    /// <returns><c>null</c> when the write ran, else why it was not sent.</returns>
    public async Task<string?> RunAsync(string what, Func<Task> write, CancellationToken ct)
    {
        var session = tokens.Current;
        if (session.User is not { } user)
            return "No AIRisk user is active.";
        if (!policy.Value.AllowWrites)
            return "Writing as a user is disabled on this dashboard (ALLOW_WRITES=false).";

        if (_confirmedVersion != session.Version)
        {
            if (!await prompts.ConfirmWritesAsync(user, ct))
                return "Not sent: writing as this user was not confirmed.";
            if (tokens.Current.Version != session.Version)
                return "Not sent: the acting user changed.";
            _confirmedVersion = session.Version;
        }

        try
        {
            await audit.RecordInSessionAsync(AuditAction.Write, AuditOutcome.Requested, user, ct, detail: what);
        }
        catch (AuditUnavailableException e)
        {
            return $"Not sent: {e.Message}";
        }
        catch (ActingSessionEndedException e)
        {
            await ender.LostAsync(e.SessionId);
            return "Not sent: the acting session has ended.";
        }

        if (tokens.Current.Version != session.Version)
        {
            await RecordOutcomeAsync(user, what, "not sent: the acting user changed");
            return "Not sent: the acting user changed.";
        }

        clock.Touch();
        try
        {
            await write();
        }
        catch (Exception e)
        {
            await RecordOutcomeAsync(user, what, e is OperationCanceledException ? "cancelled (the acting user changed or the page closed)" : e.Message);
            throw;
        }

        await RecordOutcomeAsync(user, what, error: null);
        return null;
    }

    // The request record already stands, so a lost outcome record is logged, not fatal.
    private Task RecordOutcomeAsync(AIRiskUser user, string what, string? error) =>
        audit.RecordBestEffortAsync(AuditAction.Write, error is null ? AuditOutcome.Succeeded : AuditOutcome.Failed, user, detail: what, error: error);
}
