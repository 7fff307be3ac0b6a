namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>What the verifier needs of a key: whether it signed a checkpoint (the signing key, or its public half alone).</summary>
public interface IAuditCheckpointVerifier
{
    bool Verifies(AuditCheckpoint checkpoint);
}
