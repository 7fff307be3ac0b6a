namespace AIRisk.Web.Audit.Sessions;

/// <summary>A write under an acting session that has ended (on this node or another), or that another tab now holds.</summary>
public sealed class ActingSessionEndedException(string sessionId)
    : Exception($"The acting session {sessionId} has ended or is held by another tab; nothing was written under it.")
{
    public string SessionId { get; } = sessionId;
}
