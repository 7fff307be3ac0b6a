using AIRisk.Core.Auth;
using AIRisk.Web.StaffSignIn;
using Microsoft.JSInterop;

namespace AIRisk.Web.Acting.AIRiskSignIn;

/// <summary>
/// <c>AIRISK_AUTH_MODE=browser</c>: the authorize URL opens in a pop-up (so the circuit, and its tokens, survive),
/// AIRisk redirects the pop-up to <c>/callback</c>, which hands the code to this waiting flow by its <c>state</c>.
/// The code is exchanged here, server-side: the browser never sees a token.
/// </summary>
public sealed class BrowserAuthorizationFlow(AIRiskOAuthClient oauth, AuthorizationStateStore states, IJSRuntime js, BrowserSession browser, StaffContext staff) : IAuthorizationFlow
{
    public bool CanBeShared => false;

    // The token comes from this staff member's own AIRisk sign-in: it is theirs, not every staff member's.
    public string? CachePartition => staff.Current.Id;

    public async Task<AccessToken> RunAsync(string? userId, AccessToken? bearer, CancellationToken ct)
    {
        var pending = states.Begin(userId, browser.Owner);
        try
        {
            var opened = await js.InvokeAsync<bool>("airiskConsole.openSignIn", ct, oauth.BuildAuthorizeUri(userId, pending.State).ToString());
            if (!opened)
                throw new SignInNeedsClickException();

            var code = await pending.Code.WaitAsync(AuthorizationStateStore.Lifetime, ct);
            return await oauth.ExchangeAsync(code, userId, bearer, ct);
        }
        catch (TimeoutException e)
        {
            throw new AIRiskAuthException("The AIRisk sign-in window did not come back in time. Try again.", e);
        }
        catch (JSException e)
        {
            throw new AIRiskAuthException("The AIRisk sign-in window could not be opened in this browser. Try again.", e);
        }
        catch (JSDisconnectedException e)
        {
            throw new AIRiskAuthException("The browser that was signing in to AIRisk went away. Try again.", e);
        }
        finally
        {
            states.Abandon(pending);
        }
    }
}
