using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Web.Services.Audit;
using AIRisk.Web.Services.Identity;
using AIRisk.Web.Services.Policy;
using AIRisk.Web.Services.Users;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services.Acting;

/// <summary>
/// What the UI asks for when staff act as someone: switch (after policy, reason and audit), stop, expiry, and the
/// single-user start. A failed or refused switch becomes <see cref="LastError"/> and leaves the previous identity in
/// place; a switch that cannot be audited does not happen. One per circuit.
/// </summary>
public sealed partial class ActingService(
    TokenState tokens,
    UserDirectory directory,
    AIRiskUsersClient usersClient,
    StaffContext staff,
    ImpersonationPolicy policy,
    IOptions<ConsolePolicyOptions> policyOptions,
    ActingSessionClock clock,
    IStaffPrompts prompts,
    IAuditTrail audit,
    IOptions<AIRiskOptions> options,
    TimeProvider time,
    ILogger<ActingService> logger)
{
    private bool _singleUserStarted;

    /// <summary>Why the last switch failed or the session ended; cleared when a switch starts.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised when <see cref="LastError"/> changes.</summary>
    public event Action? ErrorChanged;

    /// <summary>The single-user mode's user id, if configured: the picker marks it.</summary>
    public string? ConfiguredUserId => options.Value.UserId;

    public StaffMember Staff => staff.Current;

    public ActingSessionClock Clock => clock;

    /// <summary>The shared user list, loading it through this circuit's generic token if needed.</summary>
    public Task<UserDirectorySnapshot> GetDirectoryAsync(bool refresh, CancellationToken ct) =>
        directory.GetAsync(usersClient.ListUsersAsync, refresh, ct);

    /// <summary>Acts as <paramref name="user"/>; on refusal or failure, records and shows why, keeping the previous identity.</summary>
    /// <returns><c>true</c> when <paramref name="user"/> is now the acting user.</returns>
    public async Task<bool> ActAsAsync(AIRiskUser user, CancellationToken ct = default)
    {
        SetError(null);
        if (policy.Refusal(staff.Current, user) is { } refusal)
        {
            await RecordBestEffortAsync(Entry(AuditAction.ActAs, AuditOutcome.Refused, user, error: refusal), ct);
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
            var applied = await tokens.ActAsAsync(
                user,
                c => audit.RecordAsync(Entry(AuditAction.ActAs, AuditOutcome.Succeeded, user, reason), c),
                ct);
            if (applied)
                clock.Start();
            return applied;
        }
        catch (AuditUnavailableException e)
        {
            SetError($"Did not act as {user.DisplayName}: {e.Message}");
            return false;
        }
        catch (AIRiskApiException e)
        {
            await RecordBestEffortAsync(Entry(AuditAction.ActAs, AuditOutcome.Failed, user, reason, error: e.Message), ct);
            SetError($"Could not act as {user.DisplayName}: {e.Message}");
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The boundary of a staff click: an unexpected failure is reported, never allowed to end the circuit.
            LogSwitchCrashed(e, user.Id);
            await RecordBestEffortAsync(Entry(AuditAction.ActAs, AuditOutcome.Failed, user, reason, error: "unexpected error"), ct);
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

    /// <summary>Staff did something as the acting user: the idle timeout starts again.</summary>
    public void Touch() => clock.Touch();

    public void DismissError() => SetError(null);

    /// <summary>
    /// Single-user mode: with <c>USER_ID</c> configured, the circuit starts acting as that user, once. The user list
    /// supplies the name and role; if it cannot load, the switch still runs with the id alone.
    /// </summary>
    public async Task StartSingleUserModeAsync(CancellationToken ct)
    {
        if (_singleUserStarted || string.IsNullOrWhiteSpace(options.Value.UserId) || tokens.Current.IsActing)
            return;
        _singleUserStarted = true;

        var userId = options.Value.UserId;
        AIRiskUser user;
        try
        {
            var snapshot = await GetDirectoryAsync(refresh: false, ct);
            user = snapshot.ById.GetValueOrDefault(userId) ?? AIRiskUser.FromId(userId);
        }
        catch (AIRiskApiException e)
        {
            LogDirectoryUnavailable(userId, e.Message);
            user = AIRiskUser.FromId(userId);
        }

        await ActAsAsync(user, ct);
    }

    internal AuditEntry Entry(AuditAction action, AuditOutcome outcome, AIRiskUser? target, string? reason = null, string? detail = null, string? error = null) => new()
    {
        AtUtc = time.GetUtcNow(),
        StaffId = staff.Current.Id,
        StaffName = staff.Current.Name,
        Action = action,
        Outcome = outcome,
        TargetUserId = target?.Id,
        TargetUserName = target?.DisplayName,
        Reason = reason,
        Detail = detail,
        Error = error,
    };

    private async Task EndAsync(AuditAction action, string? detail)
    {
        var user = tokens.Current.User;
        clock.Stop();
        // Ending an acting session lowers privilege, so it never waits on (or fails with) the audit trail.
        await tokens.StopActingAsync();
        if (user is not null)
            await RecordBestEffortAsync(Entry(action, AuditOutcome.Succeeded, user, detail: detail), CancellationToken.None);
    }

    internal async Task RecordBestEffortAsync(AuditEntry entry, CancellationToken ct)
    {
        try
        {
            await audit.RecordAsync(entry, ct);
        }
        catch (AuditUnavailableException e)
        {
            LogAuditLost(entry.Action, entry.Outcome, e.Message);
        }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit record of {Action} ({Outcome}) could not be written: {Reason}")]
    private partial void LogAuditLost(AuditAction action, AuditOutcome outcome, string reason);
}
