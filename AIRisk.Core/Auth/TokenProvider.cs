using AIRisk.Core.Configuration;
using AIRisk.Core.Telemetry;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIRisk.Core.Auth;

/// <summary>
/// Caches tokens in <see cref="HybridCache"/>, whose stampede protection turns N concurrent requests for the same
/// user into one flow. Entries are keyed by client, user and the flow's cache partition, so a generic token is never served for a user
/// call, and in browser mode one staff member's AIRisk sign-in is never served to another.
/// Expiry is checked against <see cref="TimeProvider"/> because the cache entry's lifetime is fixed before the
/// token (and its <c>expiration</c>) exists.
/// </summary>
/// With <see cref="AIRiskOptions.ShareTokensAcrossNodes"/> the cache's distributed level (Redis) holds them too, so a
/// token fetched on one node serves every node; otherwise tokens never leave this process. Keys are hashed either way.
public sealed partial class TokenProvider(
    HybridCache cache, IOptions<AIRiskOptions> options, ITokenEvictions evictions, ConsoleTelemetry telemetry, TimeProvider time, ILogger<TokenProvider> logger) : ITokenProvider
{
    private readonly AIRiskOptions _options = options.Value;

    private HybridCacheEntryOptions EntryOptions => field ??= new()
    {
        Expiration = TimeSpan.FromHours(24),
        // Shared: a node that missed another's "drop this token" message (Redis down) holds it a minute at most.
        LocalCacheExpiration = _options.ShareTokensAcrossNodes ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(24),
        Flags = _options.ShareTokensAcrossNodes ? HybridCacheEntryFlags.None : HybridCacheEntryFlags.DisableDistributedCache,
    };

    private HybridCacheEntryOptions SkipLocalRead => field ??= new()
    {
        Expiration = EntryOptions.Expiration,
        LocalCacheExpiration = EntryOptions.LocalCacheExpiration,
        Flags = EntryOptions.Flags!.Value | HybridCacheEntryFlags.DisableLocalCacheRead,
    };

    private HybridCacheEntryOptions ReadOnly => field ??= new()
    {
        Flags = EntryOptions.Flags!.Value | HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite,
    };

    public async ValueTask<AccessToken> GetAsync(string? userId, IAuthorizationFlow flow, CancellationToken ct)
    {
        var key = Key(userId, flow.CachePartition);
        var skew = TimeSpan.FromSeconds(_options.TokenRefreshSkewSeconds);

        var entryOptions = EntryOptions;
        for (var attempt = 0; ; attempt++)
        {
            var token = flow.CanBeShared
                ? await cache.GetOrCreateAsync(
                    key,
                    (Provider: this, UserId: userId, Flow: flow, Caller: System.Diagnostics.Activity.Current),
                    static async (s, ct) =>
                    {
                        // The cache runs this apart from the caller's context: AIRisk's calls belong to the caller's
                        // switch span (for calls that joined a flow already running, to the first caller's).
                        System.Diagnostics.Activity.Current = s.Caller;
                        return await s.Provider.RunFlowAsync(s.UserId, s.Flow, ct);
                    },
                    entryOptions,
                    cancellationToken: ct)
                : await GetOrRunOwnFlowAsync(key, userId, flow, ct);

            if (token.IsDropped && attempt == 0)
            {
                // Another node was refused this entry's token: read past this node's memory (Redis holds the next one,
                // or a flow runs), without removing the shared entry another node may just have stored.
                entryOptions = SkipLocalRead;
                continue;
            }

            // A token is served only for the user and partition it was issued for, whatever the cache returned.
            var belongs = token.UserId == userId && token.CachePartition == flow.CachePartition;
            if (belongs && !token.IsExpiring(time.GetUtcNow(), skew))
                return token;
            if (attempt == 1)
                return belongs ? token : throw new AIRiskAuthException("The token cache answered with a token issued for someone else; no token was used.");

            LogExpiring(userId ?? "(generic)", token.ExpiresAt);
            await cache.RemoveAsync(key, ct);
        }
    }

    public async ValueTask InvalidateAsync(AccessToken token, CancellationToken ct)
    {
        var key = Key(token.UserId, token.CachePartition);
        // Another circuit may already have replaced the refused token; evicting its fresh one would cost a flow.
        var cached = await cache.GetOrCreateAsync<AccessToken?>(key, static _ => ValueTask.FromResult<AccessToken?>(null), ReadOnly, cancellationToken: ct);
        if (cached is not null && !string.Equals(cached.Value, token.Value, StringComparison.Ordinal))
            return;
        LogInvalidated(token.UserId ?? "(generic)");
        await cache.RemoveAsync(key, ct);
        await evictions.PublishAsync(key, ct);
    }

    // A cached token is still shared; only a miss runs this circuit's own flow, which no other circuit joins.
    private async ValueTask<AccessToken> GetOrRunOwnFlowAsync(string key, string? userId, IAuthorizationFlow flow, CancellationToken ct)
    {
        var cached = await cache.GetOrCreateAsync<AccessToken?>(key, static _ => ValueTask.FromResult<AccessToken?>(null), ReadOnly, cancellationToken: ct);
        if (cached is not null)
            return cached;
        var token = await RunFlowAsync(userId, flow, ct);
        await cache.SetAsync(key, token, EntryOptions, cancellationToken: ct);
        return token;
    }

    private async Task<AccessToken> RunFlowAsync(string? userId, IAuthorizationFlow flow, CancellationToken ct)
    {
        var bearer = userId is not null && _options.SendGenericBearerOnUserFlow ? await GetAsync(null, flow, ct) : null;
        LogFlowStarted(userId ?? "(generic)");
        var succeeded = false;
        try
        {
            var token = await flow.RunAsync(userId, bearer, ct) with { CachePartition = flow.CachePartition };
            succeeded = true;
            return token;
        }
        finally
        {
            telemetry.TokenRequested(generic: userId is null, succeeded);
        }
    }

    // An HMAC keyed with the client secret (every node has it, readers of Redis do not): a distributed cache sees no
    // client, staff or user id, and a list of user ids does not say which key is whose.
    private string Key(string? userId, string? partition) =>
        "airisk:token:" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(_options.ClientSecret),
            System.Text.Encoding.UTF8.GetBytes($"{_options.ClientId}\n{(partition is null ? "*shared*" : "staff:" + partition)}\n{userId ?? "*generic*"}")));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Running the OAuth2 flow for {UserId}")]
    private partial void LogFlowStarted(string userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cached token for {UserId} expires at {ExpiresAt:O}; renewing")]
    private partial void LogExpiring(string userId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the token of {UserId} that AIRisk refused")]
    private partial void LogInvalidated(string userId);
}
