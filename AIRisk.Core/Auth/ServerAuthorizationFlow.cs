using System.Security.Cryptography;
using System.Text;

namespace AIRisk.Core.Auth;

/// <summary>
/// The default flow: the server sends the authorize GET itself and reads the code from the redirect, so the
/// browser never leaves the page and the Blazor circuit survives.
/// </summary>
public sealed class ServerAuthorizationFlow(AIRiskOAuthClient oauth, AuthorizationStateStore states) : IAuthorizationFlow
{
    public async Task<AccessToken> RunAsync(string? userId, AccessToken? bearer, CancellationToken ct)
    {
        var pending = states.Begin(userId);
        try
        {
            var redirect = await oauth.AuthorizeAsync(oauth.BuildAuthorizeUri(userId, pending.State), bearer, ct);
            // This flow's own state, not just any pending one: a code must never reach another user's flow.
            if (!SameState(redirect.State, pending.State) || states.Complete(redirect.State, redirect.Code, redirect.Error) != StateCheck.Accepted)
                throw new AIRiskAuthException("Authorization failed: AIRisk's redirect carried a state this flow did not send. The code was not used.");

            var code = await pending.Code.WaitAsync(ct);
            return await oauth.ExchangeAsync(code, userId, bearer, ct);
        }
        finally
        {
            states.Abandon(pending);
        }
    }

    private static bool SameState(string? returned, string sent) =>
        returned is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(returned), Encoding.UTF8.GetBytes(sent));
}
