namespace AIRisk.Web.Audit;

public enum AuditOutcome
{
    Succeeded,

    /// <summary>Policy did not allow it; nothing was sent to AIRisk.</summary>
    Refused,

    /// <summary>It was allowed but AIRisk (or the network) failed it.</summary>
    Failed,

    /// <summary>Recorded before a write is sent, so a write never happens unrecorded.</summary>
    Requested,

    /// <summary>A newer click replaced this switch before it took effect.</summary>
    Superseded,
}
