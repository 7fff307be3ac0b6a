namespace AIRisk.Web.Alerts;

/// <summary>The rules' names as alerts carry them (<see cref="Alert.Rule"/>).</summary>
public static class AlertRules
{
    public const string FanOut = "fan-out";
    public const string SensitiveTarget = "sensitive-target";
    public const string ReadVolume = "read-volume";
    public const string Probing = "probing";
    public const string OffHours = "off-hours";
    public const string AuditHealth = "audit-health";
}
