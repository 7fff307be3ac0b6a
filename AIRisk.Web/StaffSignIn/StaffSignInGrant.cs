using System.Text;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// What the identity provider gave one staff sign-in, kept on the server: the access token userinfo is asked with,
/// the refresh token that renews it (when the provider issues one), when the access token expires, when the sign-in
/// itself ends (however often it is renewed) and when the provider last confirmed it (for every tab of it at once).
/// </summary>
/// <param name="AccessToken">Empty when the provider sent none (then no role check is possible).</param>
public sealed record StaffSignInGrant(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt, DateTimeOffset EndsAt, DateTimeOffset ConfirmedAt)
{
    /// <summary>Whom the provider signed in (the id token's <c>sub</c>): every later answer must be about them.</summary>
    public required string Subject { get; init; }

    /// <summary>
    /// The roles the provider last confirmed, which every endpoint authorizes from; <c>null</c> until a check read
    /// any (the roles are then the ones signed in with, in the cookie).
    /// </summary>
    public IReadOnlySet<string>? Roles { get; init; }

    /// <summary>What the id token of the last refresh said, if the provider sent one.</summary>
    public StaffClaims? RefreshedIdToken { get; init; }

    /// <summary>When the provider was last asked about this sign-in (answered or not).</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>The access token is past (or within <paramref name="margin"/> of) its expiry.</summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan margin) => ExpiresAt is { } at && now + margin >= at;

    // Never the tokens, wherever a record is printed (a log, a debugger, an exception message).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Subject = ").Append(Subject).Append(", ExpiresAt = ").Append(ExpiresAt).Append(", EndsAt = ").Append(EndsAt)
            .Append(", ConfirmedAt = ").Append(ConfirmedAt).Append(", CheckedAt = ").Append(CheckedAt);
        return true;
    }
}
