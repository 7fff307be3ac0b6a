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

    /// <summary>A staff member proceeded without the approval they asked for: every approver is told, the session reviewed within 24 hours.</summary>
    public const string BreakGlass = "break-glass";
}
