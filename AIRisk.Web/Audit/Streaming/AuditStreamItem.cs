using AIRisk.Web.Audit.Checkpoints;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>What the outbox sends: an audit record with its chain hash, or a signed checkpoint.</summary>
public sealed record AuditStreamItem(long Seq, string Hash, AuditEntry? Record, AuditCheckpoint? Checkpoint)
{
    public static AuditStreamItem Of(AuditEntry record, string hash) => new(record.Seq, hash, record, null);

    public static AuditStreamItem Of(AuditCheckpoint checkpoint) => new(checkpoint.Seq, checkpoint.Hash, null, checkpoint);
}
