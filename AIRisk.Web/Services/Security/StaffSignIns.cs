using Microsoft.Extensions.Caching.Memory;

namespace AIRisk.Web.Services.Security;

/// <summary>
/// The staff sign-ins this server knows, by the id stamped into each staff cookie: the identity provider's access
/// token of each (kept here, never in the cookie or the page), so open circuits can ask the provider again who the
/// staff member is. A sign-in that was signed out, or that the provider no longer accepts, is forgotten: its cookie is
/// then refused on the next request and the circuits behind it stop acting at their next revalidation.
/// </summary>
public sealed class StaffSignIns(IMemoryCache cache, StaffSignInOptions options)
{
    /// <summary>The claim that carries a sign-in's id in the staff cookie.</summary>
    public const string IdClaim = "airisk_signin";

    public void Remember(string id, string accessToken) =>
        cache.Set(Key(id), accessToken, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.AbsoluteLifetime });

    /// <returns>
    /// The provider's access token of sign-in <paramref name="id"/> (empty when the provider sent none); <c>null</c> once
    /// it is signed out or forgotten, and after a restart of this server (kept in memory: the next page load then signs
    /// in at the provider again).
    /// </returns>
    public string? AccessToken(string? id) => id is not null && cache.TryGetValue(Key(id), out string? token) ? token : null;

    public void Forget(string? id)
    {
        if (id is not null)
            cache.Remove(Key(id));
    }

    private static string Key(string id) => "staff-signin:" + id;
}
