using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// Follows this tab's circuit: its browser connecting and going away (for <see cref="SessionLeases"/>), and its end
/// for good after the disconnect grace period, which ends the acting session it still holds (cause: tab closed). It
/// also hands the circuit's dispatcher to <see cref="CircuitDispatcher"/>.
/// </summary>
public sealed class ActingCircuitHandler(ActingService acting, SessionLeases leases, CircuitIdentity tabCircuit, CircuitDispatcher dispatcher) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        dispatcher.Capture();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        leases.SetConnected(tabCircuit.Id, connected: true);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        leases.SetConnected(tabCircuit.Id, connected: false);
        return Task.CompletedTask;
    }

    // Not awaited: the circuit's disposal must not wait out the grace period a reload has to take the session up.
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _ = acting.EndForClosedTabAsync();
        return Task.CompletedTask;
    }
}
