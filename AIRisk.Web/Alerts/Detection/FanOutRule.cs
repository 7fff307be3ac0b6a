using AIRisk.Core.Api;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// Fan-out: how many different users one staff member acts as within a window (<c>ALERT_FANOUT_*</c>). More than a
/// limit is a high alert, once per window; an act-as that would go past twice a limit, to a user not yet in it, is
/// refused (acting again as a user already in the window adds no one and stays allowed).
/// </summary>
public sealed class FanOutRule(DetectionOptions options)
{
    /// <param name="seen">The users the staff member started acting as within the longest window, each with its last time.</param>
    /// <returns><c>null</c> when this act-as may go on, else why not (shown to staff and recorded).</returns>
    public string? Refusal(IReadOnlyList<TargetSeen> seen, AIRiskUser target, DateTimeOffset now)
    {
        if (!options.RefuseFanOut)
            return null;
        foreach (var limit in options.FanOutLimits)
        {
            var users = Within(seen, limit, now);
            if (users.Count >= 2 * limit.Users && users.All(u => u.Id != target.Id))
            {
                return $"you have acted as {users.Count} different users in the last {WindowText.Describe(limit.Window)}, twice the "
                       + $"{limit.Users} that raise an alert; a new user can be acted as once fewer fall within that window";
            }
        }

        return null;
    }

    /// <returns>One finding per limit this act-as goes past (the target counted once, now).</returns>
    public IEnumerable<Finding> Findings(string staffName, IReadOnlyList<TargetSeen> seen, AIRiskUser target, DateTimeOffset now)
    {
        foreach (var limit in options.FanOutLimits)
        {
            List<TargetSeen> users = [.. Within(seen, limit, now).Where(u => u.Id != target.Id), new TargetSeen(target.Id, target.DisplayName, now)];
            if (users.Count <= limit.Users)
                continue;
            yield return new Finding(
                AlertRules.FanOut,
                $"{AlertRules.FanOut}/{limit.Name}",
                AlertSeverity.High,
                now - limit.Window,
                [.. users.Select(u => new AlertPerson(u.Id, u.Name))],
                [],
                $"{staffName} acted as {users.Count} different users in {WindowText.Describe(limit.Window)} (more than {limit.Users}).");
        }
    }

    private static List<TargetSeen> Within(IReadOnlyList<TargetSeen> seen, FanOutLimit limit, DateTimeOffset now) =>
        [.. seen.Where(u => u.LastAt > now - limit.Window)];
}
