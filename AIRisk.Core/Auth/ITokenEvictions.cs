namespace AIRisk.Core.Auth;

/// <summary>
/// Tells the other nodes that a cached token was dropped (AIRisk refused it), so none of them serves it again. On one
/// node there are no others: the default does nothing.
/// </summary>
public interface ITokenEvictions
{
    /// <param name="key">The token's cache key (hashed: no user id or token in it).</param>
    /// <param name="ct">Cancels the publishing.</param>
    ValueTask PublishAsync(string key, CancellationToken ct);
}

internal sealed class NoTokenEvictions : ITokenEvictions
{
    public ValueTask PublishAsync(string key, CancellationToken ct) => ValueTask.CompletedTask;
}
