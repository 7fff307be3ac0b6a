namespace AIRisk.Web.Acting.Sessions;

/// <summary>Why an acting session ended; every session ends with one, on record.</summary>
public enum SessionEndCause
{
    Stopped,
    Switched,
    Idle,
    Cap,
    TabClosed,
    StaffSignedOut,
    StaffLostRole,
    TargetNowProtected,
    TokenRefused,

    /// <summary>The start was overtaken by a newer click, or AIRisk refused it: the session never took effect.</summary>
    NeverStarted,
}
