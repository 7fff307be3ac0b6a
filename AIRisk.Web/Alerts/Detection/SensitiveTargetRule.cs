using AIRisk.Core.Api;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// Sensitive target: acting as a protected user (<c>PROTECTED_TARGET_ROLE</c>) or as a colleague (an email domain of
/// <c>STAFF_EMAIL_DOMAINS</c>) is an alert on every session, allowed or not by the policy's roles.
/// </summary>
public sealed class SensitiveTargetRule(DetectionOptions options, IProtectedTargets protectedTargets)
{
    /// <returns>The finding, or <c>null</c> when <paramref name="target"/> is neither protected nor a colleague.</returns>
    public Finding? Find(string staffName, AIRiskUser target)
    {
        if ((protectedTargets.Protection(target) ?? Colleague(target)) is not { } what)
            return null;
        return new Finding(AlertRules.SensitiveTarget, AlertRules.SensitiveTarget, AlertSeverity.Medium, OnceSince: null,
            [new AlertPerson(target.Id, target.DisplayName)], [], $"{staffName} acted as {target.DisplayName}, {what}.");
    }

    private string? Colleague(AIRiskUser target) =>
        target.Email?.Split('@') is [_, var domain] && options.StaffEmailDomains.Contains(domain)
            ? $"a colleague (email domain {domain.ToLowerInvariant()})"
            : null;
}
