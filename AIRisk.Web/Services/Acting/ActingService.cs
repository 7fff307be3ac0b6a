using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Services.Audit;
using AIRisk.Web.Services.Identity;
using AIRisk.Web.Services.Policy;
using AIRisk.Web.Services.Users;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services.Acting;

/// <summary>
/// Starts, switches and stops acting for this tab, after policy, reason and audit. A failed or refused switch becomes
/// <see cref="LastError"/> and leaves the previous identity in place; a switch that cannot be audited does not
/// happen. One per circuit.
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
    ILogger<ActingService> logger)
{
    private bool _singleUserStarted;

    /// <summary>Why the last switch failed or the session ended; cleared when a switch starts.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised when <see cref="LastError"/> changes.</summary>
    public event Action? ErrorChanged;

    /// <summary>Acts as <paramref name="user"/>; on refusal or failure, records and shows why, keeping the previous identity.</summary>
    /// <returns><c>true</c> when <paramref name="user"/> is now the acting user.</returns>
    public async Task<bool> ActAsAsync(AIRiskUser user, CancellationToken ct = default)
    {
        SetError(null);
        if (policy.Refusal(staff.Current, user) is { } refusal)
        {
            await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Refused, user, error: refusal);
            SetError($"You may not act as {user.DisplayName}: {refusal}.");
            return false;
        }

        string? reason = null;
        if (policyOptions.Value.RequireReason)
        {
            reason = await prompts.AskReasonAsync(user, ct);
            if (string.IsNullOrWhiteSpace(reason))
                return false;
        }

        try
        {
            var applied = await tokens.ActAsAsync(user, async c =>
            {
                await audit.RecordAsync(AuditAction.ActAs, AuditOutcome.Succeeded, user, c, reason);
                // Before the switch is applied, so the screen's render of the new identity shows its session too.
                clock.Start();
            }, ct);
            if (applied)
                recent.Add(user);
            return applied;
        }
        catch (AuditUnavailableException e)
        {
            SetError($"Did not act as {user.DisplayName}: {e.Message}");
            return false;
        }
        catch (AIRiskApiException e)
        {
            await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Failed, user, reason, error: e.Message);
            SetError($"Could not act as {user.DisplayName}: {e.Message}");
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The boundary of a staff click: an unexpected failure is reported, never allowed to end the circuit.
            LogSwitchCrashed(e, user.Id);
            await audit.RecordBestEffortAsync(AuditAction.ActAs, AuditOutcome.Failed, user, reason, error: "unexpected error");
            SetError($"Could not act as {user.DisplayName}: an unexpected error occurred (see the server log).");
            return false;
        }
    }

    public async Task StopActingAsync()
    {
        SetError(null);
        await EndAsync(AuditAction.Stop, detail: null);
    }

    /// <summary>Ends the acting session if its idle timeout or hard cap has passed, and says why.</summary>
    public async Task<bool> ExpireIfDueAsync()
    {
        // A switch in flight starts a new session; ending the old one now would cancel that click.
        if (tokens.SwitchingTo is not null || clock.ExpiryReason() is not { } why || tokens.Current.User is not { } user)
            return false;
        await EndAsync(AuditAction.Expire, why);
        SetError($"Stopped acting as {user.DisplayName}: {why}.");
        return true;
    }

    public void DismissError() => SetError(null);

    /// <summary>
    /// Single-user mode: with <c>USER_ID</c> configured, the circuit starts acting as that user, once. The user list
    /// supplies the name and role; if it cannot load, the switch still runs with the id alone.
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
            user = snapshot.ById.GetValueOrDefault(userId) ?? AIRiskUser.FromId(userId);
        }
        catch (AIRiskApiException e)
        {
            LogDirectoryUnavailable(userId, e.Message);
            user = AIRiskUser.FromId(userId);
        }

        await ActAsAsync(user, ct);
    }

    private async Task EndAsync(AuditAction action, string? detail)
    {
        var user = tokens.Current.User;
        clock.Stop();
        // Ending an acting session lowers privilege, so it never waits on (or fails with) the audit trail.
        await tokens.StopActingAsync();
        if (user is not null)
            await audit.RecordBestEffortAsync(action, AuditOutcome.Succeeded, user, detail: detail);
    }

    private void SetError(string? error)
    {
        if (error == LastError)
            return;
        LastError = error;
        ErrorChanged?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single-user mode: user list unavailable ({Reason}); acting as {UserId} by id alone")]
    private partial void LogDirectoryUnavailable(string userId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Switch to {UserId} failed unexpectedly")]
    private partial void LogSwitchCrashed(Exception exception, string userId);
}
