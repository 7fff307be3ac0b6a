namespace AIRisk.Web.Alerts.Detection;

/// <summary>A user a staff member started acting as, and when they last did (from the trail's session starts).</summary>
public sealed record TargetSeen(string Id, string Name, DateTimeOffset LastAt);
