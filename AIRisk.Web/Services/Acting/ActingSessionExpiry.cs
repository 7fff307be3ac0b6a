namespace AIRisk.Web.Services.Acting;

/// <summary>
/// Ends this tab's acting session once its idle timeout or cap has passed, on a timer of its own: the session ends on
/// time whether or not anything is on screen to notice.
/// </summary>
public sealed partial class ActingSessionExpiry : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ActingService _acting;
    private readonly TimeProvider _time;
    private readonly ILogger<ActingSessionExpiry> _logger;
    private ITimer? _timer;
    private int _checking;

    public ActingSessionExpiry(ActingService acting, TimeProvider time, ILogger<ActingSessionExpiry> logger)
    {
        _acting = acting;
        _time = time;
        _logger = logger;
    }

    /// <summary>Starts watching (once per tab; the layout calls it when the tab opens).</summary>
    public void Start() => _timer ??= _time.CreateTimer(_ => _ = CheckAsync(), null, Interval, Interval);

    /// <summary>Ends the session now if it is due (the timer calls this every second).</summary>
    public async Task CheckAsync()
    {
        // One check at a time: ending a session awaits the audit trail, which may take longer than a tick.
        if (Interlocked.Exchange(ref _checking, 1) == 1)
            return;
        try
        {
            await _acting.ExpireIfDueAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A timer callback has no caller to report to: log it and try again on the next tick.
            LogCheckFailed(e);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the acting session's expiry failed")]
    private partial void LogCheckFailed(Exception exception);
}
