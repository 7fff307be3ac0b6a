using System.Collections.Concurrent;

namespace AIRisk.Sandbox;

internal sealed class AuthorizationCodeStore
{
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, AuthorizationGrant> _codes = new(StringComparer.Ordinal);

    public string Issue(AuthorizationGrant grant, DateTimeOffset now)
    {
        if (_codes.Count > PruneThreshold)
            PruneExpired(now);

        var code = Secrets.NewCode();
        _codes[code] = grant;
        return code;
    }

    /// <summary>Takes the code out of the store whatever happens next, so it can't be tried twice.</summary>
    public AuthorizationGrant? Redeem(string code, DateTimeOffset now) =>
        _codes.TryRemove(code, out var grant) && grant.ExpiresAt > now ? grant : null;

    private void PruneExpired(DateTimeOffset now)
    {
        foreach (var (code, grant) in _codes)
        {
            if (grant.ExpiresAt <= now)
                _codes.TryRemove(code, out _);
        }
    }
}
