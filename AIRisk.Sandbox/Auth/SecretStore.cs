using System.Collections.Concurrent;

namespace AIRisk.Sandbox.Auth;

/// <summary>
/// Issued secrets (codes or tokens) and what each stands for. Expired entries are pruned once the store grows large,
/// so a long benchmark or soak run does not keep every secret it ever issued.
/// </summary>
internal sealed class SecretStore<TGrant>(Func<string> newSecret) where TGrant : IExpiringGrant
{
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, TGrant> _grants = new(StringComparer.Ordinal);

    public string Issue(TGrant grant, DateTimeOffset now)
    {
        if (_grants.Count > PruneThreshold)
            PruneExpired(now);

        var secret = newSecret();
        _grants[secret] = grant;
        return secret;
    }

    /// <returns>The grant, or null when the secret is unknown, revoked or expired.</returns>
    public TGrant? Find(string secret, DateTimeOffset now) =>
        _grants.TryGetValue(secret, out var grant) && grant.ExpiresAt > now ? grant : default;

    /// <summary>Takes the secret out of the store whatever happens next, so it can't be used twice.</summary>
    public TGrant? Redeem(string secret, DateTimeOffset now) =>
        _grants.TryRemove(secret, out var grant) && grant.ExpiresAt > now ? grant : default;

    public IReadOnlyList<string> Snapshot() => [.. _grants.Keys];

    public void Clear() => _grants.Clear();

    private void PruneExpired(DateTimeOffset now)
    {
        foreach (var (secret, grant) in _grants)
        {
            if (grant.ExpiresAt <= now)
                _grants.TryRemove(secret, out _);
        }
    }
}
