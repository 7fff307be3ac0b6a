using AIRisk.Core.Api;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// Read volume: more than <c>ALERT_READ_VOLUME_CONVERSATIONS</c> different conversations viewed in one acting session
/// is a high alert, once per session.
/// </summary>
public sealed class ReadVolumeRule(DetectionOptions options)
{
    /// <param name="conversations">Different conversations viewed in <paramref name="session"/> so far, the one just viewed included.</param>
    /// <returns>The finding, or <c>null</c> at or below the threshold.</returns>
    public Finding? Find(string staffName, AIRiskUser? target, string session, int conversations)
    {
        if (conversations <= options.ReadVolume)
            return null;
        return new Finding(AlertRules.ReadVolume, AlertRules.ReadVolume, AlertSeverity.High, DateTimeOffset.MinValue,
            target is null ? [] : [new AlertPerson(target.Id, target.DisplayName)], [session],
            $"{staffName} viewed {conversations} conversations of {target?.DisplayName ?? "a user"} in one acting session (more than {options.ReadVolume}).",
            Session: session);
    }
}
