using AIRisk.Web.Audit;

namespace AIRisk.Web.Approvals;

/// <summary>
/// The open requests every approver's badge and list show, live: one query every two seconds per node, and only while
/// someone watches. It reads the shared store, so a request made on another node shows too; requests past their expiry
/// that nobody waits for any more (a closed tab) are closed and recorded on the way, once across nodes.
/// </summary>
public sealed partial class ApprovalFeed(IApprovalStore store, ApprovalAudit audit, TimeProvider time, ILogger<ApprovalFeed> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private int _watchers;
    private bool _unavailable;
    private string _shown = "";

    /// <summary>The open requests, oldest first, as last read.</summary>
    public IReadOnlyList<ApprovalRequest> Open { get; private set; } = [];

    /// <summary>Raised on a thread of its own when the open requests change.</summary>
    public event Action<IReadOnlyList<ApprovalRequest>>? Changed;

    /// <summary>Counts a watcher while it lives: the feed reads the store only while one watches.</summary>
    public IDisposable Watch()
    {
        Interlocked.Increment(ref _watchers);
        return new Watcher(this);
    }

    /// <summary>Reads the open requests now (a decision just changed them), instead of at the next tick.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            foreach (var due in await store.DueToExpireAsync(now, ct))
            {
                if (await store.CloseAsync(due.Id, ApprovalStatus.Expired, now, ct))
                    await audit.ExpiredAsync(due);
            }

            var open = await store.OpenAsync(now, ct);
            _unavailable = false;
            var shown = string.Join(',', open.Select(r => r.Id));
            if (shown == _shown)
                return;
            _shown = shown;
            Open = open;
            Changed?.Invoke(open);
        }
        catch (AuditUnavailableException e)
        {
            // The list keeps what it showed; the audit health check reports the database.
            if (!_unavailable)
                LogUnavailable(e);
            _unavailable = true;
        }
        finally
        {
            _refresh.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (Volatile.Read(ref _watchers) > 0)
                await RefreshAsync(stoppingToken);
        }
    }

    public override void Dispose()
    {
        _refresh.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The approval requests could not be read; lists keep what they showed")]
    private partial void LogUnavailable(Exception exception);

    private sealed class Watcher(ApprovalFeed feed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Interlocked.Decrement(ref feed._watchers);
        }
    }
}
