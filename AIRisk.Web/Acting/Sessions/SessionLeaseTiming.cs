namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// How the tabs holding sessions show they are alive, for every node to see in the session store: a tab's node refreshes
/// its lease every <see cref="Heartbeat"/>; a lease unseen for <see cref="StaleAfter"/> belongs to a node that stopped
/// (or paused), and another tab of the same session may take it. A session no node has seen for the closed-tab grace
/// plus <see cref="SweepMargin"/> ends (cause: node lost).
/// </summary>
public static class SessionLeaseTiming
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(15);

    /// <summary>How long a reload waits for the lease: past <see cref="StaleAfter"/>, so a tab whose node was killed resumes.</summary>
    public static readonly TimeSpan ResumeWait = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan ResumeRetry = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan SweepMargin = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);
}
