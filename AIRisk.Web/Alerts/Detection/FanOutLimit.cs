namespace AIRisk.Web.Alerts.Detection;

/// <summary>More than <paramref name="Users"/> distinct users within <paramref name="Window"/>; <paramref name="Name"/> tells the limits apart on record.</summary>
public sealed record FanOutLimit(string Name, int Users, TimeSpan Window);
