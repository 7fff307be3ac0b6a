using AIRisk.Core.Auth;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// The server flow declared not shareable, as the browser flow is (its pop-up belongs to one circuit), so Core's
/// handling of such flows can be tested over HTTP without a browser.
/// </summary>
internal sealed class UnsharedServerFlow(ServerAuthorizationFlow inner) : IAuthorizationFlow
{
    public bool CanBeShared => false;

    public Task<AccessToken> RunAsync(string? userId, AccessToken? bearer, CancellationToken ct) => inner.RunAsync(userId, bearer, ct);
}
