namespace AIRisk.Web.Alerts.Detection;

/// <summary>A refused act-as attempt in the trail: whom it was for, and when.</summary>
public sealed record RefusalSeen(string? TargetId, string? TargetName, DateTimeOffset At);
