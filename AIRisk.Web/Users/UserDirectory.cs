using AIRisk.Core.Api;
using AIRisk.Core.Configuration;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Users;

/// <summary>
/// The user list, loaded once and shared by every circuit (a singleton). Concurrent first loads share one call; a
/// refresh replaces the snapshot for everyone. A snapshot older than the refresh interval is still served at once
/// while a new one loads behind it, so a user promoted to a protected role is seen without anyone waiting. A load
/// that stalls (headers, then nothing) fails after the AIRisk timeout instead of holding every circuit.
/// </summary>
public sealed partial class UserDirectory(TimeProvider time, IOptions<AIRiskOptions> options, ILogger<UserDirectory> logger)
{
    private readonly Lock _gate = new();
    private Task<UserDirectorySnapshot>? _loading;

    /// <summary>The last list loaded, or <c>null</c> before the first load.</summary>
    public UserDirectorySnapshot? Current { get; private set; }

    /// <summary>The current snapshot, loading it with <paramref name="load"/> when there is none or <paramref name="refresh"/> is set.</summary>
    public async Task<UserDirectorySnapshot> GetAsync(Func<CancellationToken, Task<IReadOnlyList<AIRiskUser>>> load, bool refresh, CancellationToken ct)
    {
        Task<UserDirectorySnapshot> loading;
        lock (_gate)
        {
            if (Current is { } current && !refresh)
            {
                if (_loading is null && time.GetUtcNow() - current.LoadedAt >= options.Value.DirectoryRefreshInterval)
                    _loading = LoadInBackground(load);
                return current;
            }

            // Not tied to one circuit's cancellation: other circuits may be waiting on the same load.
            loading = _loading ??= LoadAsync(load);
        }

        return await loading.WaitAsync(ct);
    }

    private Task<UserDirectorySnapshot> LoadInBackground(Func<CancellationToken, Task<IReadOnlyList<AIRiskUser>>> load)
    {
        var loading = LoadAsync(load);
        _ = loading.ContinueWith(t => LogRefreshFailed(t.Exception!.GetBaseException().Message), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return loading;
    }

    private async Task<UserDirectorySnapshot> LoadAsync(Func<CancellationToken, Task<IReadOnlyList<AIRiskUser>>> load)
    {
        try
        {
            // The whole list, body included, within the timeout: the client's own timeout ends at the headers.
            using var timeout = new CancellationTokenSource(options.Value.Timeout * 2, time);
            IReadOnlyList<AIRiskUser> users;
            try
            {
                users = await load(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new AIRiskApiException($"Loading the user list: AIRisk did not send the whole list within {(options.Value.Timeout * 2).TotalSeconds:0} s. Try again with Refresh.");
            }

            var snapshot = await Task.Run(() => new UserDirectorySnapshot(users, time.GetUtcNow()));
            Current = snapshot;
            return snapshot;
        }
        finally
        {
            lock (_gate)
                _loading = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the user list in the background failed: {Reason}; the previous list stays in use")]
    private partial void LogRefreshFailed(string reason);
}
