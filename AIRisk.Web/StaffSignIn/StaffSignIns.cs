using Microsoft.Extensions.Caching.Memory;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// The staff sign-ins this server knows, by the id stamped into each staff cookie: what the identity provider gave
/// each (kept here, never in the cookie or the page), so open circuits can ask the provider again who the staff member
/// is. A sign-in that was signed out, or that the provider no longer accepts, is forgotten: its cookie is then refused
/// on the next request and the circuits behind it stop acting at their next revalidation. Each is kept until its
/// absolute end at most, however often it is renewed.
/// </summary>
public sealed class StaffSignIns(IMemoryCache cache) : IDisposable
{
    /// <summary>The claim that carries a sign-in's id in the staff cookie.</summary>
    public const string IdClaim = "airisk_signin";

    // Renewals of one sign-in run one at a time; of different sign-ins, side by side (a lock per stripe of ids).
    private readonly SemaphoreSlim[] _renewing = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    // Every change is a compare-and-set under this lock, so a sign-out is never undone by a renewal finishing after it.
    private readonly Lock _gate = new();

    public void Remember(string id, StaffSignInGrant signIn)
    {
        lock (_gate)
            Set(id, signIn);
    }

    /// <returns>
    /// Sign-in <paramref name="id"/>; <c>null</c> once it is signed out, forgotten or past its end, and after a restart
    /// of this server (kept in memory: the next page load then signs in at the provider again).
    /// </returns>
    public StaffSignInGrant? Find(string? id) => id is not null && cache.TryGetValue(Key(id), out StaffSignInGrant? signIn) ? signIn : null;

    /// <summary>
    /// The provider confirmed sign-in <paramref name="id"/> as of <paramref name="at"/> (the check's start), with
    /// <paramref name="roles"/> (<c>null</c>: it named none, and the roles stay as they were).
    /// </summary>
    public void Confirm(string id, DateTimeOffset at, IReadOnlySet<string>? roles)
    {
        lock (_gate)
        {
            if (Find(id) is { } signIn && at > signIn.ConfirmedAt)
                Set(id, signIn with { ConfirmedAt = at, Roles = roles ?? signIn.Roles });
        }
    }

    /// <summary>The provider is being asked about sign-in <paramref name="id"/> as of <paramref name="at"/>.</summary>
    public void Checking(string id, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (Find(id) is { } signIn && (signIn.CheckedAt is not { } checkedAt || at > checkedAt))
                Set(id, signIn with { CheckedAt = at });
        }
    }

    /// <summary>
    /// Renews sign-in <paramref name="id"/> with <paramref name="refresh"/>, once however many tabs ask together: a
    /// provider that rotates refresh tokens may revoke the whole sign-in when one is used twice.
    /// </summary>
    /// <returns>
    /// The renewed sign-in (perhaps by another tab meanwhile); <c>null</c> when the provider refused it (it is then
    /// forgotten) or it was forgotten meanwhile.
    /// </returns>
    public async Task<StaffSignInGrant?> RenewAsync(string id, StaffSignInGrant seen, Func<StaffSignInGrant, CancellationToken, Task<StaffSignInGrant?>> refresh)
    {
        var stripe = _renewing[(StringComparer.Ordinal.GetHashCode(id) & int.MaxValue) % _renewing.Length];
        await stripe.WaitAsync();
        try
        {
            if (Find(id) is not { } current || current.RefreshToken != seen.RefreshToken)
                return Find(id);
            // Not cancelled by the tab: a refresh abandoned after the provider rotated the token would lose the new one.
            var renewed = await refresh(current, CancellationToken.None);
            lock (_gate)
            {
                // Signed out meanwhile (or confirmed by another tab, which keeps the tokens): never brought back.
                if (Find(id) is not { } now || now.RefreshToken != current.RefreshToken)
                    return Find(id);
                if (renewed is null)
                {
                    cache.Remove(Key(id));
                    return null;
                }

                var kept = renewed with { EndsAt = now.EndsAt, ConfirmedAt = now.ConfirmedAt, Roles = now.Roles, CheckedAt = now.CheckedAt };
                Set(id, kept);
                return kept;
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <param name="refusal">Why the provider no longer accepts it (kept a day, for whichever tab asks next); <c>null</c> for a sign-out.</param>
    public void Forget(string? id, StaffRefusal? refusal = null)
    {
        if (id is null)
            return;
        lock (_gate)
        {
            cache.Remove(Key(id));
            if (refusal is not null)
                cache.Set(RefusalKey(id), refusal, TimeSpan.FromDays(1));
        }
    }

    /// <returns>Why sign-in <paramref name="id"/> was refused, if it was (not merely signed out).</returns>
    public StaffRefusal? RefusalOf(string? id) => id is not null && cache.TryGetValue(RefusalKey(id), out StaffRefusal? refusal) ? refusal : null;

    public void Dispose()
    {
        foreach (var stripe in _renewing)
            stripe.Dispose();
    }

    private void Set(string id, StaffSignInGrant signIn) =>
        cache.Set(Key(id), signIn, new MemoryCacheEntryOptions { AbsoluteExpiration = signIn.EndsAt });

    private static string Key(string id) => "staff-signin:" + id;

    private static string RefusalKey(string id) => "staff-signin-refused:" + id;
}
