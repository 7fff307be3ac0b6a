namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// A signed checkpoint as stored (<c>audit_checkpoint</c>): the chain's record <see cref="Seq"/> had hash
/// <see cref="Hash"/> at <see cref="AtUtcTicks"/>, signed with Ed25519 by the key <see cref="KeyId"/>.
/// </summary>
internal sealed class AuditCheckpointRow
{
    public long Seq { get; set; }

    public string Hash { get; set; } = "";

    public long AtUtcTicks { get; set; }

    public string KeyId { get; set; } = "";

    /// <summary>Base64 of the 64-byte Ed25519 signature.</summary>
    public string Signature { get; set; } = "";
}
