namespace AIRisk.Web.Acting.Sessions;

/// <summary>A random id for this circuit (one per tab), for leases; never shown, never sent to the browser.</summary>
public sealed class CircuitIdentity
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
