namespace AIRisk.TestSupport;

/// <summary>Who <see cref="TestIdentityProvider"/> signs in: an OpenID Connect subject, display name and roles.</summary>
/// <param name="RolesInIdentityToken">
/// Whether role claims go into the id token as well as userinfo. Some providers send roles or groups only from
/// userinfo; the relying party must still see them.
/// </param>
/// <param name="Disabled">The account was disabled: userinfo refuses its access tokens.</param>
public sealed record TestIdentityUser(string Subject, string Name, IReadOnlyList<string> Roles, bool RolesInIdentityToken = true, bool Disabled = false)
{
    /// <summary>The <c>email</c> claim (scope <c>email</c>); <c>null</c>: none, as for a provider that sends no email.</summary>
    public string? Email { get; init; }
}
