using System.Collections.Concurrent;

namespace AIRisk.Sandbox;

internal sealed class AccessTokenStore
{
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, AccessGrant> _tokens = new(StringComparer.Ordinal);

    public string Issue(AccessGrant grant, DateTimeOffset now)
    {
        if (_tokens.Count > PruneThreshold)
            PruneExpired(now);

        var token = Secrets.NewAccessToken();
        _tokens[token] = grant;
        return token;
    }

    /// <returns>The grant, or null when the token is unknown, revoked or expired.</returns>
    public AccessGrant? Find(string token, DateTimeOffset now) =>
        _tokens.TryGetValue(token, out var grant) && grant.ExpiresAt > now ? grant : null;

    public IReadOnlyList<string> Snapshot() => [.. _tokens.Keys];

    public int RevokeAll()
    {
        var count = _tokens.Count;
        _tokens.Clear();
        return count;
    }

    private void PruneExpired(DateTimeOffset now)
    {
        foreach (var (token, grant) in _tokens)
        {
            if (grant.ExpiresAt <= now)
                _tokens.TryRemove(token, out _);
        }
    }
}
