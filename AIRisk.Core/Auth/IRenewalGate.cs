namespace AIRisk.Core.Auth;

/// <summary>
/// What the console decides when an acting user's token must be renewed (before it expires, or after AIRisk refused
/// it). Core asks; the console (AIRisk.Web) answers, registered in place of the default through the constructor of
/// <see cref="ActingTokens"/>.
/// </summary>
public interface IRenewalGate
{
    /// <summary>
    /// Asked before a token is renewed for <paramref name="identity"/>. Throws <see cref="Api.AIRiskApiException"/> to
    /// refuse it (the session may no longer go on); no token is then requested.
    /// </summary>
    Task CheckAsync(ActingIdentity identity, CancellationToken ct);

    /// <summary>AIRisk itself refused to sign the user in again (its answer, not the network): acting as them cannot go on.</summary>
    Task RefusedAsync(ActingIdentity identity, AIRiskAuthException refusal);
}

/// <summary>Core on its own (without the console): every renewal goes ahead.</summary>
internal sealed class OpenRenewalGate : IRenewalGate
{
    public Task CheckAsync(ActingIdentity identity, CancellationToken ct) => Task.CompletedTask;

    public Task RefusedAsync(ActingIdentity identity, AIRiskAuthException refusal) => Task.CompletedTask;
}
