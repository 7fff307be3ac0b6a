using AIRisk.Web.Audit;

namespace AIRisk.Web.Alerts;

/// <summary>
/// The alert count every auditor's badge shows, live: one query every two seconds per node, and only while someone
/// watches, however many tabs are open. It reads the shared trail, so an alert raised on another node shows too.
/// </summary>
internal sealed partial class AlertFeed(AlertStore store, TimeProvider time, ILogger<AlertFeed> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private int _watchers;
    private bool _unavailable;

    /// <summary>The latest summary read (none until the first read).</summary>
    public AlertSummary Current { get; private set; } = AlertSummary.None;

    /// <summary>Raised on a thread of its own when the summary changes.</summary>
    public event Action<AlertSummary>? Changed;

    /// <summary>Counts a watcher while it lives: the feed reads the trail only while one watches.</summary>
    public IDisposable Watch()
    {
        Interlocked.Increment(ref _watchers);
        return new Watcher(this);
    }

    /// <summary>Reads the summary now (a triage just changed it), instead of at the next tick.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            var summary = await store.SummaryAsync(ct);
            _unavailable = false;
            if (summary == Current)
                return;
            Current = summary;
            Changed?.Invoke(summary);
        }
        catch (AuditUnavailableException e)
        {
            // The badge keeps its last count; the audit health check reports the database.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert count could not be read; badges keep their last count")]
    private partial void LogUnavailable(Exception exception);

    private sealed class Watcher(AlertFeed feed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Interlocked.Decrement(ref feed._watchers);
        }
    }
}
