namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// One stream's place in the outbox (<c>audit_delivery</c>): the audit log itself is the queue, and this row is how far
/// a destination has taken it, who is sending to it now, and how its last attempts went. Every node reads and writes
/// the same rows; only the lease holder sends.
/// </summary>
internal sealed class AuditDeliveryRow
{
    /// <summary>The stream: <c>syslog</c>, <c>syslog-checkpoints</c>, <c>otlp</c>.</summary>
    public string Destination { get; set; } = "";

    /// <summary>Every record (or checkpoint) with a sequence up to this one was accepted by the destination.</summary>
    public long DeliveredThroughSeq { get; set; }

    /// <summary>The node sending now, or null.</summary>
    public string? LeaseHolder { get; set; }

    /// <summary>When the holder's lease ends unless it renews it; another node may take the stream after that.</summary>
    public long LeaseExpiresUtcTicks { get; set; }

    /// <summary>Failed attempts since the last delivery (the backoff doubles with each).</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public long? LastAttemptUtcTicks { get; set; }

    /// <summary>No node sends before this (the backoff after a failure); 0 when there is nothing to wait for.</summary>
    public long NextAttemptUtcTicks { get; set; }
}
