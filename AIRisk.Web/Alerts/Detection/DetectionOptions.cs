namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// The detection rules' thresholds (README, "Detection rules"): <c>ALERT_*</c>, <c>OPERATOR_HOURS</c> and
/// <c>STAFF_EMAIL_DOMAINS</c>. Every key has a default; a malformed one stops the start.
/// </summary>
public sealed class DetectionOptions
{
    public const string FanOutUsersKey = "ALERT_FANOUT_USERS";
    public const string FanOutMinutesKey = "ALERT_FANOUT_MINUTES";
    public const string FanOutLongUsersKey = "ALERT_FANOUT_LONG_USERS";
    public const string FanOutLongHoursKey = "ALERT_FANOUT_LONG_HOURS";
    public const string FanOutRefuseKey = "ALERT_FANOUT_REFUSE";
    public const string ReadVolumeKey = "ALERT_READ_VOLUME_CONVERSATIONS";
    public const string ProbingRefusalsKey = "ALERT_PROBING_REFUSALS";
    public const string ProbingMinutesKey = "ALERT_PROBING_MINUTES";
    public const string AuditLagSecondsKey = "ALERT_AUDIT_LAG_SECONDS";
    public const string OperatorHoursKey = "OPERATOR_HOURS";
    public const string StaffEmailDomainsKey = "STAFF_EMAIL_DOMAINS";

    /// <summary>More distinct users than this, acted as by one staff member within the window, is a high alert.</summary>
    public FanOutLimit FanOut { get; set; } = new("short", 10, TimeSpan.FromMinutes(15));

    /// <summary>The same over a working day.</summary>
    public FanOutLimit FanOutLong { get; set; } = new("long", 25, TimeSpan.FromHours(8));

    /// <summary>Whether an act-as that would go past twice a fan-out limit is refused (it is always alerted).</summary>
    public bool RefuseFanOut { get; set; } = true;

    /// <summary>More distinct conversations than this viewed in one acting session is a high alert.</summary>
    public int ReadVolume { get; set; } = 50;

    /// <summary>This many refused act-as attempts by one staff member within <see cref="ProbingWindow"/> is an alert.</summary>
    public int ProbingRefusals { get; set; } = 3;

    public TimeSpan ProbingWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An audit stream whose oldest undelivered record is older than this is a critical alert.</summary>
    public TimeSpan AuditLag { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When staff are expected to act; <c>null</c>: the off-hours rule is off.</summary>
    public OperatorHours? OperatorHours { get; set; }

    /// <summary>The company's own email domains, lower case: a target with one of them is a colleague.</summary>
    public IReadOnlySet<string> StaffEmailDomains { get; set; } = new HashSet<string>();

    /// <summary>How often each node looks at the audit trail's health (not a key: the lag itself is the threshold).</summary>
    public TimeSpan AuditHealthInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<FanOutLimit> FanOutLimits => [FanOut, FanOutLong];

    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
