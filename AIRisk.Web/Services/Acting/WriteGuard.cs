using AIRisk.Web.Services.Audit;
using AIRisk.Web.Services.Policy;
using AIRisk.Core.Auth;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services.Acting;

/// <summary>
/// Stands before every write as the acting user: writes may be disabled (<c>ALLOW_WRITES=false</c>), need one explicit
/// confirmation per acting session, and are recorded before they are sent (fail closed).
/// </summary>
public sealed class WriteGuard(TokenState tokens, ActingService acting, IStaffPrompts prompts, IAuditTrail audit, IOptions<ConsolePolicyOptions> policy)
{
    private long _confirmedVersion = -1;

    public bool WritesAllowed => policy.Value.AllowWrites;

    /// <summary>Checks and records a write of <paramref name="what"/>.</summary>
    /// <returns><c>null</c> when the write may go ahead, else why not (for the screen).</returns>
    public async Task<string?> AuthorizeAsync(string what, CancellationToken ct)
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
            await audit.RecordAsync(acting.Entry(AuditAction.Write, AuditOutcome.Requested, user, detail: what), ct);
        }
        catch (AuditUnavailableException e)
        {
            return $"Not sent: {e.Message}";
        }

        acting.Touch();
        return null;
    }

    /// <summary>
    /// Authorizes and records <paramref name="what"/>, runs <paramref name="write"/>, and records how it ended.
    /// Failures of the write propagate after they are recorded.
    /// </summary>
    /// <returns><c>null</c> when the write ran, else why it was not sent.</returns>
    public async Task<string?> RunAsync(string what, Func<Task> write, CancellationToken ct)
    {
        if (await AuthorizeAsync(what, ct) is { } refusal)
            return refusal;

        var user = tokens.Current.User;
        try
        {
            await write();
        }
        catch (Exception e)
        {
            var error = e is OperationCanceledException ? "cancelled (the acting user changed or the page closed)" : e.Message;
            await acting.RecordBestEffortAsync(acting.Entry(AuditAction.Write, AuditOutcome.Failed, user, detail: what, error: error), CancellationToken.None);
            throw;
        }

        // The write happened; a lost outcome record is logged, not fatal.
        await acting.RecordBestEffortAsync(acting.Entry(AuditAction.Write, AuditOutcome.Succeeded, user, detail: what), CancellationToken.None);
        return null;
    }
}
