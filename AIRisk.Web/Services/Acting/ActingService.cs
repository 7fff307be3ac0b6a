using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Web.Services.Users;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services.Acting;

/// <summary>
/// What the UI asks for when staff act as someone: switch, stop, and the single-user start. Turns a failed switch
/// into <see cref="LastError"/> (the previous identity stays in place) and keeps the user list it switches from.
/// One per circuit.
/// </summary>
public sealed partial class ActingService(
    TokenState tokens,
    UserDirectory directory,
    AIRiskUsersClient usersClient,
    IOptions<AIRiskOptions> options,
    ILogger<ActingService> logger)
{
    private bool _singleUserStarted;

    /// <summary>Why the last switch failed; cleared when a switch starts or succeeds.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised when <see cref="LastError"/> changes.</summary>
    public event Action? ErrorChanged;

    /// <summary>The single-user mode's user id, if configured: the picker marks it.</summary>
    public string? ConfiguredUserId => options.Value.UserId;

    /// <summary>The shared user list, loading it through this circuit's generic token if needed.</summary>
    public Task<UserDirectorySnapshot> GetDirectoryAsync(bool refresh, CancellationToken ct) =>
        directory.GetAsync(usersClient.ListUsersAsync, refresh, ct);

    /// <summary>Acts as <paramref name="user"/>; on failure, records why and keeps the previous identity.</summary>
    /// <returns><c>true</c> when <paramref name="user"/> is now the acting user.</returns>
    public async Task<bool> ActAsAsync(AIRiskUser user, CancellationToken ct = default)
    {
        SetError(null);
        try
        {
            return await tokens.ActAsAsync(user, ct);
        }
        catch (AIRiskApiException e)
        {
            SetError($"Could not act as {user.DisplayName}: {e.Message}");
            return false;
        }
    }

    public Task StopActingAsync()
    {
        SetError(null);
        return tokens.StopActingAsync();
    }

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

    private void SetError(string? error)
    {
        if (error == LastError)
            return;
        LastError = error;
        ErrorChanged?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single-user mode: user list unavailable ({Reason}); acting as {UserId} by id alone")]
    private partial void LogDirectoryUnavailable(string userId, string reason);
}
