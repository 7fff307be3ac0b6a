namespace AIRisk.Web.Alerts.Detection;

/// <summary>What the rules found at an act-as, before its session starts.</summary>
/// <param name="Refusal">Why the act-as may not go on (fan-out past twice its limit); <c>null</c> when it may.</param>
/// <param name="Findings">New findings (not raised yet in their window), to raise once the session's id stands.</param>
public sealed record ActAsDetection(string? Refusal, IReadOnlyList<Finding> Findings);
