namespace AIRisk.Web.Audit;

/// <summary>
/// A value that every watching screen shows live from the shared audit database (the alert count, the open approval
/// requests): read every two seconds per node, and only while someone watches, however many tabs are open. It reads
/// what every node wrote, so something raised on another node shows too. A read the database refuses keeps the value
/// last read (the audit health check reports the database).
/// </summary>
public abstract class LiveFeed<T>(T initial, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private int _watchers;
    private bool _unavailable;

    /// <summary>The clock the feed reads by.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>The value as last read.</summary>
    public T Current { get; private set; } = initial;

    /// <summary>Raised on a thread of its own when the value changes.</summary>
    public event Action<T>? Changed;

    /// <summary>Counts a watcher while it lives: the feed reads only while one watches.</summary>
    public IDisposable Watch()
    {
        Interlocked.Increment(ref _watchers);
        return new Watcher(this);
    }

    /// <summary>Reads the value now (a decision or a triage just changed it), instead of at the next tick.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            var value = await ReadAsync(ct);
            _unavailable = false;
            if (SameAs(value, Current))
                return;
            Current = value;
            Changed?.Invoke(value);
        }
        catch (AuditUnavailableException e)
        {
            if (!_unavailable)
                OnUnavailable(e);
            _unavailable = true;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>One read of the shared database.</summary>
    protected abstract Task<T> ReadAsync(CancellationToken ct);

    /// <summary>Whether two reads show the same (no change to raise).</summary>
    protected virtual bool SameAs(T read, T shown) => EqualityComparer<T>.Default.Equals(read, shown);

    /// <summary>The first read the database refused since the last that worked (logged once, not every two seconds).</summary>
    protected abstract void OnUnavailable(AuditUnavailableException exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, Time);
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
        GC.SuppressFinalize(this);
    }

    private sealed class Watcher(LiveFeed<T> feed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Interlocked.Decrement(ref feed._watchers);
        }
    }
}
