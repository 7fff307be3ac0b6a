using Microsoft.Extensions.Caching.Distributed;

namespace AIRisk.Web.Cluster;

/// <summary>
/// The distributed cache (Redis) as a second level that may fail: a read that fails is a miss, a write or removal that
/// fails is skipped, both logged. Nodes then carry on with their own memory (more token calls, no error on screen),
/// and use Redis again as soon as it answers. <see cref="LastFailure"/> feeds the health check.
/// </summary>
internal sealed partial class TolerantDistributedCache(IDistributedCache inner, TimeProvider time, ILogger<TolerantDistributedCache> logger) : IDistributedCache
{
    private long _lastFailureTicks;

    /// <summary>When an operation last failed; <c>null</c> if none has.</summary>
    public DateTimeOffset? LastFailure => Interlocked.Read(ref _lastFailureTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public byte[]? Get(string key) => Try(() => inner.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => TryAsync(() => inner.GetAsync(key, token));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Try(() => { inner.Set(key, value, options); return 0; });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        TryAsync(async () => { await inner.SetAsync(key, value, options, token); return 0; });

    public void Refresh(string key) => Try(() => { inner.Refresh(key); return 0; });

    public Task RefreshAsync(string key, CancellationToken token = default) => TryAsync(async () => { await inner.RefreshAsync(key, token); return 0; });

    public void Remove(string key) => Try(() => { inner.Remove(key); return 0; });

    public Task RemoveAsync(string key, CancellationToken token = default) => TryAsync(async () => { await inner.RemoveAsync(key, token); return 0; });

    private T? Try<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(e);
            return default;
        }
    }

    private async Task<T?> TryAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(e);
            return default;
        }
    }

    private void Failed(Exception e)
    {
        Interlocked.Exchange(ref _lastFailureTicks, time.GetUtcNow().UtcTicks);
        LogFailed(e.GetType().Name, e.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The distributed cache is unavailable ({Type}: {Reason}); going on with this node's memory")]
    private partial void LogFailed(string type, string reason);
}
