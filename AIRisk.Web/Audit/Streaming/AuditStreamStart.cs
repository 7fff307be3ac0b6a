namespace AIRisk.Web.Audit.Streaming;

/// <summary>Where a new stream's cursor starts, the first time any node runs it.</summary>
public enum AuditStreamStart
{
    /// <summary>At the first record: a SIEM gets the whole trail, history included.</summary>
    WholeTrail,

    /// <summary>
    /// After the newest record: a person's inbox or a pager gets what happens from now on, not months of old alerts at
    /// once. Every record appended after the row was created follows the cursor (sequence order is commit order).
    /// </summary>
    Now,
}
