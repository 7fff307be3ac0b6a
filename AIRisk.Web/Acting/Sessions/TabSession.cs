using AIRisk.Core.Telemetry;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// This tab: its circuit's id (the lease holder's name in the session store, never shown or sent to the browser) and the
/// id of its acting session while one is in force, the one place that is kept. Every audit record written for the tab
/// is stamped with it unless the record names its own session. Counted in <c>airisk.acting.sessions</c> while set (a
/// switch replaces one session by another). One per circuit.
/// </summary>
public sealed class TabSession(ConsoleTelemetry telemetry) : IDisposable
{
    private string? _id;
    private bool _disposed;

    public string CircuitId { get; } = Guid.NewGuid().ToString("N");

    public string? Id
    {
        get => _id;
        set
        {
            if (!_disposed && _id is null && value is not null)
                telemetry.ActingSessionStarted();
            else if (!_disposed && _id is not null && value is null)
                telemetry.ActingSessionEnded();
            _id = value;
        }
    }

    /// <summary>
    /// The circuit is gone: its session no longer counts here. The id stays readable: a closed tab's session ends on
    /// record after a grace period (or another tab resumes it), and that check reads it after the circuit's scope ends.
    /// </summary>
    public void Dispose()
    {
        if (!_disposed && _id is not null)
            telemetry.ActingSessionEnded();
        _disposed = true;
    }
}
