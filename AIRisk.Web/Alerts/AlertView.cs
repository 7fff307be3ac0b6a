namespace AIRisk.Web.Alerts;

/// <summary>An alert as the Alerts page shows it: what fired, and where an auditor last put it.</summary>
public sealed record AlertView(Alert Alert, long Seq, AlertTriage State, string? TriagedBy, DateTimeOffset? TriagedAt);
