using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// Follows this tab's circuit: its browser connecting and going away (saved on the session's lease, for every node to
/// see), and its end for good, which ends the acting session it still holds (cause: tab closed) once the grace period
/// has passed without a reload of the tab taking it up, on this node or another. It also hands the circuit's dispatcher
/// to <see cref="CircuitDispatcher"/>.
/// </summary>
public sealed partial class ActingCircuitHandler(
    TabSession tab,
    SessionEnder ender,
    IActingSessionStore sessions,
    IOptions<ConsolePolicyOptions> policy,
    CircuitDispatcher dispatcher,
    TimeProvider time,
    ILogger<ActingCircuitHandler> logger) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        dispatcher.Capture();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => SetConnectedAsync(true);

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => SetConnectedAsync(false);

    // Not awaited: the circuit's disposal must not wait out the grace period a reload has to take the session up.
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _ = EndForClosedTabAsync();
        return Task.CompletedTask;
    }

    /// <summary>The tab is gone: its session ends (cause: tab closed) after the grace period, unless a reload took it up.</summary>
    public async Task EndForClosedTabAsync()
    {
        if (tab.Id is not { } id)
            return;
        try
        {
            await SetConnectedAsync(false);
            await Task.Delay(policy.Value.TabClosedGrace, time);
            if (tab.Id == id && await sessions.HoldsAsync(id, tab.CircuitId, CancellationToken.None))
                await ender.EndAsync(SessionEndCause.TabClosed);
        }
        catch (Exception e) when (e is AuditUnavailableException or ObjectDisposedException)
        {
            // Left open: the sweeper ends it (cause: node lost) once no node has seen it for the grace period and more.
            LogClosedTabNotEnded(e.Message);
        }
    }

    private async Task SetConnectedAsync(bool connected)
    {
        if (tab.Id is not { } id)
            return;
        try
        {
            await sessions.SetConnectedAsync(id, tab.CircuitId, connected, time.GetUtcNow(), CancellationToken.None);
        }
        catch (AuditUnavailableException e)
        {
            // A lease left marked connected goes stale on its own once this tab's heartbeat stops.
            LogConnectionNotSaved(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A closed tab's acting session could not be ended here: {Reason}")]
    private partial void LogClosedTabNotEnded(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A tab's connection change could not be saved on its session: {Reason}")]
    private partial void LogConnectionNotSaved(string reason);
}
