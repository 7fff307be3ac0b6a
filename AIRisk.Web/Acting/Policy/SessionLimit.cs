namespace AIRisk.Web.Acting.Policy;

/// <summary>Which of an acting session's limits ends it first.</summary>
public enum SessionLimit
{
    /// <summary>No staff activity for <c>OPERATOR_IDLE_MINUTES</c>.</summary>
    Idle,

    /// <summary><c>OPERATOR_MAX_SESSION_MINUTES</c> since it began, however active.</summary>
    Cap,
}
