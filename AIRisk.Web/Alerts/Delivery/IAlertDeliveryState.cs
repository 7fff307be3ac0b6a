namespace AIRisk.Web.Alerts.Delivery;

/// <summary>Where alerts are delivered and whether each destination takes them, for the Alerts page.</summary>
public interface IAlertDeliveryState
{
    /// <returns>Every configured destination, in name order; empty when alerts go nowhere but the Alerts page.</returns>
    Task<IReadOnlyList<AlertDestinationState>> ReadAsync(CancellationToken ct);
}
