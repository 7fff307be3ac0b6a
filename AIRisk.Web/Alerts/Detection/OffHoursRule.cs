using AIRisk.Core.Api;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// Off-hours: acting as a user, reading or writing as them outside <c>OPERATOR_HOURS</c> is an alert, once per staff
/// member per stretch of off-hours (a session that began in hours and runs on past their end is caught at its next
/// read or write). Unset: off.
/// </summary>
public sealed class OffHoursRule(DetectionOptions options)
{
    /// <param name="what">What staff did, as the summary says it: <c>acted as</c>, <c>read a conversation of</c>.</param>
    /// <returns>The finding, or <c>null</c> within operator hours or without them.</returns>
    public Finding? Find(string staffName, string what, AIRiskUser? target, string? session, DateTimeOffset now)
    {
        if (options.OperatorHours is not { } hours || hours.OffHoursSince(now) is not { } since)
            return null;
        var name = target?.DisplayName ?? "a user";
        return new Finding(AlertRules.OffHours, AlertRules.OffHours, AlertSeverity.Medium, since,
            target is null ? [] : [new AlertPerson(target.Id, target.DisplayName)], session is null ? [] : [session],
            $"{staffName} {what} {name} at {hours.LocalTime(now)}, outside operator hours ({hours}).");
    }
}
