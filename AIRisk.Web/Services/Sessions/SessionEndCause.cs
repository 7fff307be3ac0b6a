namespace AIRisk.Web.Services.Sessions;

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
}
