namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// A signed checkpoint: record <see cref="Seq"/> of the chain had hash <see cref="Hash"/>, sealed at
/// <see cref="AtUtcTicks"/>; <see cref="Signature"/> (base64) is Ed25519 over <see cref="SignedText"/> by the key
/// <see cref="KeyId"/>. Its line format (<see cref="AuditCheckpointLine"/>) is what leaves the host.
/// </summary>
public sealed record AuditCheckpoint(long Seq, string Hash, long AtUtcTicks, string KeyId, string Signature)
{
    /// <summary>What is signed: <c>airisk-audit-checkpoint-v1:{seq}:{hash}:{microseconds since the Unix epoch}</c>, ASCII.</summary>
    public string SignedText => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"airisk-audit-checkpoint-v1:{Seq}:{Hash}:{Chain.AuditChainEncoding.TicksToMicroseconds(AtUtcTicks)}");

    internal static AuditCheckpoint From(AuditCheckpointRow row) => new(row.Seq, row.Hash, row.AtUtcTicks, row.KeyId, row.Signature);

    internal AuditCheckpointRow ToRow() => new() { Seq = Seq, Hash = Hash, AtUtcTicks = AtUtcTicks, KeyId = KeyId, Signature = Signature };
}
