using AIRisk.Web.Acting.Policy;

namespace AIRisk.Web.Acting;

/// <summary>
/// Ends this tab's acting session once its idle timeout or cap has passed, on a timer of its own: the session ends on
/// time whether or not anything is on screen to notice.
/// </summary>
public sealed partial class ActingSessionExpiry : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ActivitySaveInterval = TimeSpan.FromSeconds(15);

    private readonly ActingService _acting;
    private readonly TimeProvider _time;
    private readonly ILogger<ActingSessionExpiry> _logger;
    private ITimer? _timer;
    private int _checking;
    private int _saving;
    private DateTimeOffset _savedActivity;

    private readonly ActingSessionClock _clock;

    public ActingSessionExpiry(ActingService acting, ActingSessionClock clock, TimeProvider time, ILogger<ActingSessionExpiry> logger)
    {
        _acting = acting;
        _clock = clock;
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
            if (await _acting.ExpireIfDueAsync())
                return;
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

        // Not awaited by the check: a slow store must never hold back the next tick's expiry check.
        _ = SaveActivityAsync();
    }

    private async Task SaveActivityAsync()
    {
        // The session record learns of activity at most this often: a reload counts idle time from it.
        if (!_clock.IsRunning || _clock.LastActivity - _savedActivity < ActivitySaveInterval || Interlocked.Exchange(ref _saving, 1) == 1)
            return;
        try
        {
            _savedActivity = _clock.LastActivity;
            await _acting.RecordActivityAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCheckFailed(e);
        }
        finally
        {
            Volatile.Write(ref _saving, 0);
        }
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the acting session's expiry failed")]
    private partial void LogCheckFailed(Exception exception);
}
