using System.Collections.Concurrent;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// Asks the identity provider again about one staff sign-in: it has not been signed out (in any tab), the provider
/// still accepts it (renewing its access token with the refresh token when it expires or is refused), still answers
/// for the same person (<c>sub</c>), and still lists the required role. The roles read are kept with the sign-in, and
/// every endpoint authorizes from them (open tabs through <see cref="StaffRevalidator"/>, requests through
/// <see cref="StaffCookieEvents"/>). Where userinfo names no role at all (Entra ID's never does), the roles are those
/// of the id token a refresh brings. A sign-in the provider cannot confirm (unreachable, an error, an answer that
/// cannot be read) is tolerated for <see cref="UnconfirmedChecks"/> intervals since it was last confirmed, then
/// refused. A refused sign-in is forgotten, so its cookie is turned away everywhere.
/// </summary>
public sealed partial class StaffSignInCheck(
    StaffSignInOptions options,
    StaffSignIns signIns,
    StaffIdentityProvider provider,
    TimeProvider time,
    ILogger<StaffSignInCheck> logger)
{
    /// <summary>How many intervals a sign-in may go unconfirmed before it is refused (fail closed).</summary>
    public const int UnconfirmedChecks = 3;

    private const string NotAccepted = "the identity provider no longer accepts your staff sign-in";

    private static readonly StaffRefusal SignedOut = new(StaffRefusalKind.SignedOut, "your staff sign-in was signed out");

    // Tabs and requests of one sign-in that ask together share one check (and one call to the provider).
    private readonly ConcurrentDictionary<string, Task<StaffRefusal?>> _running = new(StringComparer.Ordinal);

    // Renewed a little early, so userinfo is not asked with a token about to expire.
    private TimeSpan RenewalMargin => options.RevalidateInterval < TimeSpan.FromSeconds(30) ? options.RevalidateInterval : TimeSpan.FromSeconds(30);

    /// <summary>Whether sign-in <paramref name="signIn"/> is due to be asked about again (an interval since the last time).</summary>
    public bool IsDue(StaffSignInGrant signIn) =>
        time.GetUtcNow() - (signIn.CheckedAt is { } at && at > signIn.ConfirmedAt ? at : signIn.ConfirmedAt) >= options.RevalidateInterval;

    /// <summary>
    /// Not cancelled by whoever asks: a check cut short would neither confirm nor refuse, and a refresh cut short
    /// could lose a rotated refresh token. The provider's client timeout bounds each call instead.
    /// </summary>
    /// <returns><c>null</c> while the sign-in may go on; otherwise why not (it is then forgotten).</returns>
    public async Task<StaffRefusal?> CheckAsync(string? signInId)
    {
        if (signInId is null)
            return SignedOut;
        var mine = new TaskCompletionSource<StaffRefusal?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _running.GetOrAdd(signInId, mine.Task);
        if (running != mine.Task)
            return await running;
        try
        {
            var refusal = await RunAsync(signInId);
            mine.SetResult(refusal);
            return refusal;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
        finally
        {
            _running.TryRemove(KeyValuePair.Create(signInId, mine.Task));
        }
    }

    private async Task<StaffRefusal?> RunAsync(string id)
    {
        var start = time.GetUtcNow();
        if (signIns.Find(id) is not { } signIn)
            return signIns.RefusalOf(id) ?? SignedOut;
        signIns.Checking(id, start);
        try
        {
            return await AskAsync(id, signIn, start);
        }
        catch (Exception e)
        {
            // Unreachable, a 5xx, a timeout, an answer that cannot be read, or a fault of ours: unconfirmed.
            LogUnconfirmed(e, signIn.Subject);
            var limit = options.RevalidateInterval * UnconfirmedChecks;
            return signIns.Find(id) is not { } now || start - now.ConfirmedAt < limit
                ? null
                : Refuse(id, signIn, StaffRefusalKind.SignedOut, $"the identity provider has not confirmed your staff sign-in for {limit.TotalMinutes:0.#} minutes");
        }
    }

    private async Task<StaffRefusal?> AskAsync(string id, StaffSignInGrant signIn, DateTimeOffset start)
    {
        if (signIn.AccessToken.Length == 0)
        {
            // The provider gave no access token to ask userinfo with: the roles stay as signed in with.
            signIns.Confirm(id, start, roles: null);
            return null;
        }

        var renewed = false;
        if (signIn.IsExpired(start, RenewalMargin))
        {
            if (await RenewAsync(id, signIn) is not { } fresh)
                return Refuse(id, signIn, StaffRefusalKind.SignedOut, signIn.RefreshToken is null ? "your staff sign-in expired at the identity provider" : NotAccepted);
            (signIn, renewed) = (fresh, true);
        }

        var (verdict, claims) = await provider.UserInfoAsync(signIn.AccessToken, CancellationToken.None);
        // An access token may be revoked or expire early: a refresh token says whether the sign-in itself still holds.
        if (verdict == UserInfoVerdict.Refused && signIn.RefreshToken is not null && await RenewAsync(id, signIn) is { } again)
        {
            (signIn, renewed) = (again, true);
            (verdict, claims) = await provider.UserInfoAsync(signIn.AccessToken, CancellationToken.None);
        }

        if (verdict == UserInfoVerdict.Refused || claims is null)
            return Refuse(id, signIn, StaffRefusalKind.SignedOut, NotAccepted);

        var roles = claims.Roles;
        if (roles is null && signIn.RefreshToken is not null)
        {
            // Userinfo names no roles: the id token of a refresh names them as they are now.
            if (!renewed)
            {
                if (await RenewAsync(id, signIn) is not { } fresh)
                    return Refuse(id, signIn, StaffRefusalKind.SignedOut, NotAccepted);
                signIn = fresh;
            }

            roles = signIn.RefreshedIdToken?.Roles;
        }

        if (claims.Subject != signIn.Subject || (signIn.RefreshedIdToken is { } idToken && idToken.Subject != signIn.Subject))
            return Refuse(id, signIn, StaffRefusalKind.Changed, "the identity provider answered for another person than the one who signed in");
        // No role or group key anywhere: this provider names roles only at sign-in, and the roles stay as signed in
        // with (the sign-out and account checks above still hold).
        if (roles is not null && !roles.Contains(options.RequiredRole!))
            return Refuse(id, signIn, StaffRefusalKind.LostRole, $"you no longer hold the staff role '{options.RequiredRole}'");
        signIns.Confirm(id, start, roles);
        return null;
    }

    private Task<StaffSignInGrant?> RenewAsync(string id, StaffSignInGrant signIn) =>
        signIn.RefreshToken is null ? Task.FromResult<StaffSignInGrant?>(null) : signIns.RenewAsync(id, signIn, provider.RefreshAsync);

    /// <summary>The sign-in is refused: it is forgotten, so its cookie (any tab, a reload, a script) signs in at the provider again.</summary>
    private StaffRefusal Refuse(string id, StaffSignInGrant signIn, StaffRefusalKind kind, string why)
    {
        var refusal = new StaffRefusal(kind, why);
        signIns.Forget(id, refusal);
        LogRefused(signIn.Subject, why);
        return refusal;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff member {StaffId} may no longer use the console: {Why}")]
    private partial void LogRefused(string staffId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity provider did not confirm staff member {StaffId}; asking again next time")]
    private partial void LogUnconfirmed(Exception exception, string staffId);
}
