using Microsoft.Extensions.Caching.Memory;

namespace AIRisk.Web.Services.Security;

/// <summary>
/// The staff sign-ins this server knows, by the id stamped into each staff cookie: what the identity provider gave
/// each (kept here, never in the cookie or the page), so open circuits can ask the provider again who the staff member
/// is. A sign-in that was signed out, or that the provider no longer accepts, is forgotten: its cookie is then refused
/// on the next request and the circuits behind it stop acting at their next revalidation.
/// </summary>
public sealed class StaffSignIns(IMemoryCache cache, StaffSignInOptions options) : IDisposable
{
    /// <summary>The claim that carries a sign-in's id in the staff cookie.</summary>
    public const string IdClaim = "airisk_signin";

    private readonly SemaphoreSlim _renewing = new(1, 1);

    /// <summary>Keeps (or, after a refresh, replaces) what the provider gave sign-in <paramref name="id"/>.</summary>
    public void Remember(string id, StaffSignIn signIn) =>
        cache.Set(Key(id), signIn, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.AbsoluteLifetime });

    /// <returns>
    /// Sign-in <paramref name="id"/>; <c>null</c> once it is signed out or forgotten, and after a restart of this server
    /// (kept in memory: the next page load then signs in at the provider again).
    /// </returns>
    public StaffSignIn? Find(string? id) => id is not null && cache.TryGetValue(Key(id), out StaffSignIn? signIn) ? signIn : null;

    /// <summary>
    /// Renews sign-in <paramref name="id"/> with <paramref name="refresh"/>, once however many tabs ask together: a
    /// provider that rotates refresh tokens may revoke the whole sign-in when one is used twice. Refreshes are rare
    /// (once an access token's lifetime), so one at a time for the whole server is enough.
    /// </summary>
    /// <returns>The renewed sign-in (perhaps renewed by another tab meanwhile); <c>null</c>, and forgotten, when refused.</returns>
    public async Task<StaffSignIn?> RenewAsync(string id, StaffSignIn seen, Func<StaffSignIn, CancellationToken, Task<StaffSignIn?>> refresh, CancellationToken ct)
    {
        await _renewing.WaitAsync(ct);
        try
        {
            if (Find(id) is not { } current || !ReferenceEquals(current, seen))
                return Find(id);
            var renewed = await refresh(current, ct);
            if (renewed is null)
                Forget(id);
            else
                Remember(id, renewed);
            return renewed;
        }
        finally
        {
            _renewing.Release();
        }
    }

    public void Forget(string? id)
    {
        if (id is not null)
            cache.Remove(Key(id));
    }

    private static string Key(string id) => "staff-signin:" + id;

    public void Dispose() => _renewing.Dispose();
}
