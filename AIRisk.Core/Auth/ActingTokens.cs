using AIRisk.Core.Api;
using AIRisk.Core.Configuration;
using Microsoft.Extensions.Options;

namespace AIRisk.Core.Auth;

/// <summary>
/// The token to send for an acting identity: its own while fresh, else one renewed for the same user after the
/// console's <see cref="IRenewalGate"/> allowed it. Parallel calls of a circuit that find the same token expiring (the
/// workspace loads agents and conversations at once) share one renewal: one check, one flow. One per circuit.
/// </summary>
public sealed class ActingTokens(TokenState state, ITokenProvider tokens, IAuthorizationFlow flow, IRenewalGate gate, IOptions<AIRiskOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private (AccessToken Old, Task<AccessToken> Token)? _renewal;

    private TimeSpan Skew => TimeSpan.FromSeconds(options.Value.TokenRefreshSkewSeconds);

    /// <summary>
    /// The token for <paramref name="identity"/>. With <paramref name="refused"/>, AIRisk rejected its token (a 401) and
    /// the flow runs again. A call for an identity no longer in force is refused, never renewed.
    /// </summary>
    public async Task<AccessToken> GetTokenAsync(ActingIdentity identity, bool refused, CancellationToken ct)
    {
        if (identity.User is null || identity.Token is null)
            throw new AIRiskApiException("No AIRisk user is active: pick a user to act as first.");
        var latest = state.Current;
        if (latest.Version != identity.Version)
            throw new AIRiskApiException($"The acting session as {identity.User.DisplayName} has ended; this call was not sent.");

        var known = latest.Token ?? identity.Token;
        if (refused ? !ReferenceEquals(known, identity.Token) : !known.IsExpiring(time.GetUtcNow(), Skew))
            return known;
        var token = await RenewOnceAsync(identity, known, refused).WaitAsync(ct);
        // The renewal took a while (a policy check, AIRisk's flow): a switch or stop meanwhile ended this identity.
        if (state.Current.Version != identity.Version)
            throw new AIRiskApiException($"The acting session as {identity.User.DisplayName} has ended; this call was not sent.");
        await state.ReplaceTokenAsync(identity, token);
        return token;
    }

    private Task<AccessToken> RenewOnceAsync(ActingIdentity identity, AccessToken old, bool refused)
    {
        lock (_gate)
        {
            if (_renewal is { } running && ReferenceEquals(running.Old, old))
                return running.Token;
            var renewal = RenewAsync(identity, old, refused);
            // One that failed before its first await ran its clean-up before this line: keep it out, so the next call
            // tries again instead of being handed the same failure for as long as the old token is current.
            if (!renewal.IsCompleted || renewal.IsCompletedSuccessfully)
                _renewal = (old, renewal);
            return renewal;
        }
    }

    // Not tied to one caller's cancellation: other calls of this circuit may be waiting on it; timeouts bound it.
    private async Task<AccessToken> RenewAsync(ActingIdentity identity, AccessToken old, bool refused)
    {
        try
        {
            await gate.CheckAsync(identity, CancellationToken.None);
            if (refused)
                await tokens.InvalidateAsync(old, CancellationToken.None);
            return await tokens.GetAsync(identity.User!.Id, flow, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A failed renewal is not kept: the next call tries again (AIRisk may be back).
            lock (_gate)
            {
                if (_renewal is { } running && ReferenceEquals(running.Old, old))
                    _renewal = null;
            }

            // Only AIRisk's own answer refusing it: a timeout, a network failure or an open breaker is not a refusal.
            if (e is AIRiskAuthException { StatusCode: >= 400 and < 500 } refusal)
                await gate.RefusedAsync(identity, refusal);
            throw;
        }
    }
}
