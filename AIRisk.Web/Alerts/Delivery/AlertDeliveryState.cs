using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>
/// Each destination's state, read from the outbox in the shared database: every node shows the same, whichever node is
/// sending. A destination with no row yet (the outbox has not run it) has delivered nothing and failed nothing.
/// </summary>
internal sealed class AlertDeliveryState(IEnumerable<IAuditStreamDestination> destinations, AuditOutbox outbox) : IAlertDeliveryState
{
    public async Task<IReadOnlyList<AlertDestinationState>> ReadAsync(CancellationToken ct)
    {
        List<AlertDestinationState> states = [];
        foreach (var name in destinations.Where(d => d.CarriesAlerts).Select(d => d.Name).Distinct().Order(StringComparer.Ordinal))
        {
            var backlog = await outbox.BacklogAsync(name, AuditAction.Alert, ct);
            var healthy = backlog.Attempts == 0;
            states.Add(new AlertDestinationState(name, healthy, backlog.LastError, healthy ? null : backlog.OldestUndelivered,
                backlog.Attempts, backlog.LastAttempt, backlog.NextAttempt, backlog.Counted));
        }

        return states;
    }
}
