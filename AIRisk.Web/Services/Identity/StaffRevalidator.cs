using AIRisk.Web.Services.Security;
using AIRisk.Web.Services.Sessions;

namespace AIRisk.Web.Services.Identity;

/// <summary>
/// Asks again, for an open tab, whether its staff member may still use the console: the sign-in has not been signed
/// out (in this or another tab), the identity provider still accepts it (renewing its access token with the refresh
/// token when it expires), and its userinfo still lists the required role. The roles read are the ones the console
/// goes on with (a lost admin role counts from then on). A sign-in the provider cannot confirm (unreachable, an error,
/// an answer that cannot be read) is tolerated for <see cref="UnconfirmedChecks"/> checks, then refused. One per circuit.
/// </summary>
public sealed partial class StaffRevalidator(
    StaffContext staff,
    StaffSignInOptions options,
    StaffSignIns signIns,
    StaffIdentityProvider provider,
    TimeProvider time,
    ILogger<StaffRevalidator> logger)
{
    /// <summary>How many intervals a sign-in may go unconfirmed before the tab stops acting (fail closed).</summary>
    public const int UnconfirmedChecks = 3;

    // Renewed a little early: a token that expires during the userinfo call would read as a refusal.
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(30);

    // The framework's loop spins on a zero wait.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    private const string NotAccepted = "the identity provider no longer accepts your staff sign-in";

    private DateTimeOffset _lastChecked = DateTimeOffset.MinValue;
    private DateTimeOffset? _lastConfirmed;

    /// <summary>The staff sign-in's id, read from the cookie when the tab opened.</summary>
    public string? SignInId { get; set; }

    /// <summary>Why the last check failed, once one has (from then on every check fails).</summary>
    public (SessionEndCause Cause, string Why)? Failure { get; private set; }

    /// <summary>
    /// How long until the next check is due. Counted from the last check, not from now: every switch restarts the
    /// framework's wait, and a staff member who switches more often than the interval must still be checked.
    /// </summary>
    public TimeSpan Interval
    {
        get
        {
            var left = _lastChecked == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastChecked + options.RevalidateInterval - time.GetUtcNow();
            return left > MinimumWait ? left : MinimumWait;
        }
    }

    /// <returns><c>false</c> when the staff member may no longer use the console (see <see cref="Failure"/>).</returns>
    public async Task<bool> IsStillValidAsync(CancellationToken ct)
    {
        if (Failure is not null)
            return false;
        var now = time.GetUtcNow();
        _lastChecked = now;
        var member = staff.Current;
        if (member.IsLocal || !options.IsConfigured || ReferenceEquals(member, StaffMember.Nobody))
            return true;
        _lastConfirmed ??= now;
        try
        {
            return await CheckAsync(member, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The circuit is closing. The framework's loop ends quietly only on a TaskCanceledException for its token.
            throw new TaskCanceledException(null, null, ct);
        }
        catch (Exception e)
        {
            // Unreachable, a 5xx, a timeout, an answer that cannot be read, or a fault of ours: unconfirmed.
            LogUnconfirmed(e, member.Id);
            var limit = options.RevalidateInterval * UnconfirmedChecks;
            return now - _lastConfirmed.Value < limit
                || Fail(SessionEndCause.StaffSignedOut, $"the identity provider has not confirmed your staff sign-in for {limit.TotalMinutes:0.#} minutes");
        }
    }

    private async Task<bool> CheckAsync(StaffMember member, CancellationToken ct)
    {
        if (signIns.Find(SignInId) is not { } signIn)
            return Fail(SessionEndCause.StaffSignedOut, "your staff sign-in was signed out");
        if (signIn.AccessToken.Length == 0)
        {
            // The provider gave no access token to ask userinfo with: the roles stay as signed in with.
            return Confirmed();
        }

        if (signIn.IsExpired(time.GetUtcNow(), RenewalMargin))
        {
            if (await RenewAsync(signIn, ct) is not { } renewed)
            {
                return Refused(SessionEndCause.StaffSignedOut, signIn.RefreshToken is null
                    ? "your staff sign-in expired at the identity provider"
                    : NotAccepted);
            }

            signIn = renewed;
        }

        var (verdict, roles) = await provider.UserInfoAsync(signIn.AccessToken, ct);
        // An access token may be revoked or expire early: a refresh token says whether the sign-in itself still holds.
        if (verdict == UserInfoVerdict.Refused && signIn.RefreshToken is not null && await RenewAsync(signIn, ct) is { } fresh)
            (verdict, roles) = await provider.UserInfoAsync(fresh.AccessToken, ct);
        if (verdict == UserInfoVerdict.Refused)
            return Refused(SessionEndCause.StaffSignedOut, NotAccepted);

        // No role or group key at all: this provider names roles only in the id token, and userinfo cannot withdraw
        // them, so the roles stay as signed in with (the sign-out and account checks above still hold).
        if (roles is not null)
        {
            if (!roles.Contains(options.RequiredRole!))
                return Refused(SessionEndCause.StaffLostRole, $"you no longer hold the staff role '{options.RequiredRole}'");
            staff.Current = member with { Roles = roles };
        }

        return Confirmed();
    }

    private Task<StaffSignIn?> RenewAsync(StaffSignIn signIn, CancellationToken ct) =>
        signIn.RefreshToken is null ? Task.FromResult<StaffSignIn?>(null) : signIns.RenewAsync(SignInId!, signIn, provider.RefreshAsync, ct);

    private bool Confirmed()
    {
        _lastConfirmed = time.GetUtcNow();
        return true;
    }

    /// <summary>The provider refused the sign-in: it is forgotten, so its cookie signs in at the provider again.</summary>
    private bool Refused(SessionEndCause cause, string why)
    {
        signIns.Forget(SignInId);
        return Fail(cause, why);
    }

    private bool Fail(SessionEndCause cause, string why)
    {
        Failure = (cause, why);
        LogRefused(staff.Current.Id, why);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff member {StaffId} may no longer use the console: {Why}")]
    private partial void LogRefused(string staffId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity provider did not confirm staff member {StaffId}; asking again next time")]
    private partial void LogUnconfirmed(Exception exception, string staffId);
}
