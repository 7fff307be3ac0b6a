namespace AIRisk.Web.Audit.Sessions;

/// <summary>What asking for a session's lease came to.</summary>
public enum LeaseResult
{
    /// <summary>The asking tab holds it now.</summary>
    Taken,

    /// <summary>Another tab, still connected and seen lately, holds it.</summary>
    HeldElsewhere,

    /// <summary>There is no such session, or it has ended: it is never taken up again.</summary>
    Ended,
}
