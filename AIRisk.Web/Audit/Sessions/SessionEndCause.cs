namespace AIRisk.Web.Audit.Sessions;

/// <summary>Why an acting session ended; every session ends with one, on record, and the first one recorded stands.</summary>
public enum SessionEndCause
{
    Stopped,
    Switched,
    Idle,
    Cap,
    TabClosed,
    StaffSignedOut,
    StaffLostRole,

    /// <summary>The tab's connection came back signed in as another staff member (or another sign-in).</summary>
    StaffChanged,
    TargetNowProtected,

    /// <summary>The target is no longer in AIRisk's user list (fail closed).</summary>
    TargetNotFound,
    TokenRefused,

    /// <summary>No node has seen the tab holding it for longer than the closed-tab grace: its node stopped.</summary>
    NodeLost,

    /// <summary>The start was overtaken by a newer click, or AIRisk refused it: the session never took effect.</summary>
    NeverStarted,

    /// <summary>The ticket the session was started for was solved, closed or reassigned (checked at renewal and periodically).</summary>
    TicketClosed,
}
