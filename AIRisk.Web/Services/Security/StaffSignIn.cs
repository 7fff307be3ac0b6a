namespace AIRisk.Web.Services.Security;

/// <summary>
/// What the identity provider gave one staff sign-in, kept on the server: the access token userinfo is asked with,
/// the refresh token that renews it (when the provider issues one), and when the access token expires.
/// </summary>
/// <param name="AccessToken">Empty when the provider sent none (then no role check is possible).</param>
public sealed record StaffSignIn(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
{
    /// <summary>The access token is past (or within <paramref name="margin"/> of) its expiry.</summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan margin) => ExpiresAt is { } at && now + margin >= at;
}
