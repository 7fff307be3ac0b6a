namespace AIRisk.TestSupport;

/// <summary>The one confidential client <see cref="TestIdentityProvider"/> knows, as an identity provider admin registers it.</summary>
public sealed record TestOidcClient(string ClientId, string ClientSecret, Uri RedirectUri, Uri PostLogoutRedirectUri)
{
    /// <summary>The registration an AIRisk Console at <paramref name="appBaseAddress"/> needs (its default callback paths).</summary>
    public static TestOidcClient For(Uri appBaseAddress) => new(
        "airisk-console",
        "test-client-secret-7f3a9c",
        new Uri(appBaseAddress, "signin-oidc"),
        new Uri(appBaseAddress, "signout-callback-oidc"));
}
