namespace AIRisk.Web.Acting.Policy;

public static class ConsolePolicyKeys
{
    public const string RequireReason = "REQUIRE_REASON";
    public const string AllowWrites = "ALLOW_WRITES";
    public const string IdleMinutes = "OPERATOR_IDLE_MINUTES";
    public const string MaxSessionMinutes = "OPERATOR_MAX_SESSION_MINUTES";
    public const string AdminRole = "OPERATOR_ADMIN_ROLE";
    public const string ProtectedTargetRole = "PROTECTED_TARGET_ROLE";
    public const string ProtectedTargetUnknown = "PROTECTED_TARGET_UNKNOWN";
    public const string TabClosedGraceMinutes = "OPERATOR_TAB_CLOSED_GRACE_MINUTES";
}
