namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// Probing: <c>ALERT_PROBING_REFUSALS</c> refused act-as attempts by one staff member within
/// <c>ALERT_PROBING_MINUTES</c> (policy or fan-out refusals alike) is an alert, once per window.
/// </summary>
public sealed class ProbingRule(DetectionOptions options)
{
    /// <param name="refusals">The staff member's refused attempts, the one just recorded included.</param>
    /// <returns>The finding, or <c>null</c> below the threshold.</returns>
    public Finding? Find(string staffName, IReadOnlyList<RefusalSeen> refusals, DateTimeOffset now)
    {
        var since = now - options.ProbingWindow;
        var recent = refusals.Where(r => r.At > since).ToList();
        if (recent.Count < options.ProbingRefusals)
            return null;
        List<AlertPerson> targets = [.. recent.Where(r => r.TargetId is not null).DistinctBy(r => r.TargetId).Select(r => new AlertPerson(r.TargetId!, r.TargetName ?? r.TargetId!))];
        return new Finding(AlertRules.Probing, AlertRules.Probing, AlertSeverity.Medium, since, targets, [],
            $"{staffName} was refused {recent.Count} act-as attempts in {WindowText.Describe(options.ProbingWindow)} (at least {options.ProbingRefusals}): {string.Join(", ", targets.Select(t => t.Name))}.");
    }
}
