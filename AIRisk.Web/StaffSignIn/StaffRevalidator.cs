
namespace AIRisk.Web.StaffSignIn;

/// <summary>Why the staff member may no longer use the console.</summary>
public sealed record StaffRefusal(StaffRefusalKind Kind, string Why);

/// <summary>
/// Asks again, for an open tab, whether its staff member may still use the console: the sign-in has not been signed
/// out (in this or another tab), the identity provider still accepts it (renewing its access token with the refresh
/// token when it expires or is refused), and its userinfo still lists the required role. The roles read are the ones
/// the console goes on with (a lost admin role counts from then on). A sign-in the provider cannot confirm
/// (unreachable, an error, an answer that cannot be read) is tolerated for <see cref="UnconfirmedChecks"/> intervals
/// since it was last confirmed in any tab, then refused. One per circuit.
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

    private const string NotAccepted = "the identity provider no longer accepts your staff sign-in";

    // The framework's loop spins on a zero wait.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    private long _lastCheckedTicks;
    private int _checking;
    private volatile StaffRefusal? _failure;

    /// <summary>The staff sign-in's id, read from the cookie when the tab opened.</summary>
    public string? SignInId { get; set; }

    /// <summary>Why the last check failed, once one has (from then on every check fails).</summary>
    public StaffRefusal? Failure => _failure;

    /// <summary>
    /// How long until the next check is due. Counted from the last check, not from now: every switch restarts the
    /// framework's wait, and a staff member who switches more often than the interval must still be checked.
    /// </summary>
    public TimeSpan Interval
    {
        get
        {
            var last = Volatile.Read(ref _lastCheckedTicks);
            var left = last == 0 ? TimeSpan.Zero : new DateTimeOffset(last, TimeSpan.Zero) + options.RevalidateInterval - time.GetUtcNow();
            return left > MinimumWait ? left : MinimumWait;
        }
    }

    // Renewed a little early, so userinfo is not asked with a token about to expire.
    private TimeSpan RenewalMargin => options.RevalidateInterval < TimeSpan.FromSeconds(30) ? options.RevalidateInterval : TimeSpan.FromSeconds(30);

    /// <summary>
    /// Not cancelled by the tab's switches (each restarts the framework's loop): a check cut short would neither
    /// confirm nor refuse, and a refresh cut short could lose a rotated refresh token. The provider's client timeout
    /// bounds each call instead. A check still running when the next is due is not doubled.
    /// </summary>
    /// <returns><c>false</c> when the staff member may no longer use the console (see <see cref="Failure"/>).</returns>
    public async Task<bool> IsStillValidAsync()
    {
        if (_failure is not null)
            return false;
        if (Interlocked.Exchange(ref _checking, 1) == 1)
            return true;
        var start = time.GetUtcNow();
        Volatile.Write(ref _lastCheckedTicks, start.UtcTicks);
        var member = staff.Current;
        try
        {
            if (member.IsLocal || !options.IsConfigured || ReferenceEquals(member, StaffMember.Nobody))
                return true;
            return await CheckAsync(member, start);
        }
        catch (Exception e)
        {
            // Unreachable, a 5xx, a timeout, an answer that cannot be read, or a fault of ours: unconfirmed.
            LogUnconfirmed(e, member.Id);
            var limit = options.RevalidateInterval * UnconfirmedChecks;
            return signIns.Find(SignInId) is not { } signIn || start - signIn.ConfirmedAt < limit
                || Refuse(StaffRefusalKind.SignedOut, $"the identity provider has not confirmed your staff sign-in for {limit.TotalMinutes:0.#} minutes");
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private async Task<bool> CheckAsync(StaffMember member, DateTimeOffset start)
    {
        if (signIns.Find(SignInId) is not { } signIn)
            return Fail(StaffRefusalKind.SignedOut, "your staff sign-in was signed out");
        if (signIn.AccessToken.Length == 0)
        {
            // The provider gave no access token to ask userinfo with: the roles stay as signed in with.
            return Confirmed(start);
        }

        if (signIn.IsExpired(start, RenewalMargin))
        {
            if (await RenewAsync(signIn) is not { } renewed)
            {
                return Refuse(StaffRefusalKind.SignedOut, signIn.RefreshToken is null
                    ? "your staff sign-in expired at the identity provider"
                    : NotAccepted);
            }

            signIn = renewed;
        }

        var (verdict, roles) = await provider.UserInfoAsync(signIn.AccessToken, CancellationToken.None);
        // An access token may be revoked or expire early: a refresh token says whether the sign-in itself still holds.
        if (verdict == UserInfoVerdict.Refused && signIn.RefreshToken is not null && await RenewAsync(signIn) is { } fresh)
            (verdict, roles) = await provider.UserInfoAsync(fresh.AccessToken, CancellationToken.None);
        if (verdict == UserInfoVerdict.Refused)
            return Refuse(StaffRefusalKind.SignedOut, NotAccepted);

        // No role or group key at all: this provider names roles only in the id token, and userinfo cannot withdraw
        // them, so the roles stay as signed in with (the sign-out and account checks above still hold).
        if (roles is not null)
        {
            if (!roles.Contains(options.RequiredRole!))
                return Refuse(StaffRefusalKind.LostRole, $"you no longer hold the staff role '{options.RequiredRole}'");
            // Unless a reconnect brought another staff member in meanwhile.
            if (ReferenceEquals(staff.Current, member))
                staff.Current = member with { Roles = roles };
        }

        return Confirmed(start);
    }

    private Task<StaffSignInGrant?> RenewAsync(StaffSignInGrant signIn) =>
        signIn.RefreshToken is null ? Task.FromResult<StaffSignInGrant?>(null) : signIns.RenewAsync(SignInId!, signIn, provider.RefreshAsync);

    private bool Confirmed(DateTimeOffset start)
    {
        signIns.Confirm(SignInId!, start);
        return true;
    }

    /// <summary>The sign-in is refused: it is forgotten, so its cookie (any tab, a reload) signs in at the provider again.</summary>
    private bool Refuse(StaffRefusalKind kind, string why)
    {
        signIns.Forget(SignInId);
        return Fail(kind, why);
    }

    /// <summary>Refuses this tab from now on (every check fails), for a reason found outside the checks: a reconnect as someone else.</summary>
    public void RefuseTab(StaffRefusalKind kind, string why) => Fail(kind, why);

    private bool Fail(StaffRefusalKind kind, string why)
    {
        _failure = new StaffRefusal(kind, why);
        LogRefused(staff.Current.Id, why);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff member {StaffId} may no longer use the console: {Why}")]
    private partial void LogRefused(string staffId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity provider did not confirm staff member {StaffId}; asking again next time")]
    private partial void LogUnconfirmed(Exception exception, string staffId);
}
