namespace AIRisk.Web.Audit.Sessions;

/// <summary>Which tab (circuit, on any node) holds a session, whether its browser is connected, and when it was last seen.</summary>
public sealed record SessionLease(string CircuitId, bool Connected, DateTimeOffset SeenUtc);
