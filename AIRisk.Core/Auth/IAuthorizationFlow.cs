namespace AIRisk.Core.Auth;

/// <summary>One run of the authorization-code flow: authorize, collect the code, exchange it.</summary>
public interface IAuthorizationFlow
{
    /// <summary>
    /// Whether another circuit may wait on this flow's result. A flow that needs this circuit's browser (a pop-up)
    /// must not be joined by other circuits: they could not see it, and would fail if this browser went away.
    /// </summary>
    bool CanBeShared => true;

    /// <summary>
    /// Who may be served the tokens this flow obtains, beyond client and user: <c>null</c> for everyone (the server
    /// flow, with the client's own credentials); in browser mode the staff member whose AIRisk sign-in obtained them.
    /// </summary>
    string? CachePartition => null;

    /// <param name="userId">The AIRisk user to act as, or <c>null</c> for the generic token.</param>
    /// <param name="bearer">The generic token, sent on the user-specific run where configured.</param>
    /// <param name="ct">Cancels the flow.</param>
    Task<AccessToken> RunAsync(string? userId, AccessToken? bearer, CancellationToken ct);
}
