using AIRisk.Core.Api;

namespace AIRisk.Web.Services.Users;

/// <summary>
/// The user list, loaded once and shared by every circuit (a singleton). Concurrent first loads share one call;
/// a refresh replaces the snapshot for everyone.
/// </summary>
public sealed class UserDirectory
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
                return current;
            // Not tied to one circuit's cancellation: other circuits may be waiting on the same load.
            loading = _loading ??= LoadAsync(load);
        }

        return await loading.WaitAsync(ct);
    }

    private async Task<UserDirectorySnapshot> LoadAsync(Func<CancellationToken, Task<IReadOnlyList<AIRiskUser>>> load)
    {
        try
        {
            var users = await load(CancellationToken.None);
            var snapshot = await Task.Run(() => new UserDirectorySnapshot(users));
            Current = snapshot;
            return snapshot;
        }
        finally
        {
            lock (_gate)
                _loading = null;
        }
    }
}
