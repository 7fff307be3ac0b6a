using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Users;

namespace AIRisk.Web.Acting;

/// <summary>
/// Single-user mode: with <c>USER_ID</c> configured, the tab starts acting as that user, once (a reload resumes its
/// session instead). The user list supplies the name and roles; if it cannot load, the switch still runs with the id
/// alone (and the policy decides on what it knows). One per circuit.
/// </summary>
public sealed partial class SingleUserMode(UserDirectoryLoader directory, ActingSwitch acting, TokenState tokens, ActingStatus status, ILogger<SingleUserMode> logger)
{
    private bool _started;

    public async Task StartAsync(CancellationToken ct)
    {
        if (_started || string.IsNullOrWhiteSpace(directory.ConfiguredUserId) || tokens.Current.IsActing)
            return;
        _started = true;

        var userId = directory.ConfiguredUserId;
        AIRiskUser user;
        try
        {
            var snapshot = await directory.GetAsync(refresh: false, ct);
            if (snapshot.ById.GetValueOrDefault(userId) is not { } known)
            {
                // A configuration mistake, not a failed switch: said once per page, never tried and recorded again.
                await status.SetNoticeAsync(new ActingNotice($"USER_ID is set to '{userId}', which is not a user of this AIRisk instance: fix USER_ID in .env or the environment, or remove it."));
                return;
            }

            user = known;
        }
        catch (AIRiskApiException e)
        {
            LogDirectoryUnavailable(userId, e.Message);
            user = AIRiskUser.FromId(userId);
        }

        // A sign-in click retries the whole start, the user list included.
        await acting.SwitchAsync(user, RetryAsync, ct: ct);
    }

    private Task RetryAsync()
    {
        _started = false;
        return StartAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single-user mode: user list unavailable ({Reason}); acting as {UserId} by id alone")]
    private partial void LogDirectoryUnavailable(string userId, string reason);
}
