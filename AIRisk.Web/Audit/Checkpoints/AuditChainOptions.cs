namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// The audit chain's keys: the checkpoint signing key, how often checkpoints are sealed and the chain verifies itself,
/// and how long records are kept. The key is a file: <c>AUDIT_SIGNING_KEY</c>, or on the embedded default (SQLite, no
/// key set) <c>audit-signing-key.pem</c> in the data folder, made on first start.
/// </summary>
public sealed class AuditChainOptions
{
    public const string SigningKeyKey = "AUDIT_SIGNING_KEY";
    public const string CheckpointMinutesKey = "AUDIT_CHECKPOINT_MINUTES";
    public const string CheckpointRecordsKey = "AUDIT_CHECKPOINT_RECORDS";
    public const string VerifyMinutesKey = "AUDIT_VERIFY_MINUTES";
    public const string RetentionMonthsKey = "AUDIT_RETENTION_MONTHS";

    /// <summary>PCI DSS 10.5.1's twelve months; the owner's <c>audit_prune</c> on PostgreSQL refuses less, whatever a node asks.</summary>
    public const int MinimumRetentionMonths = 12;
    public const string DefaultKeyFileName = "audit-signing-key.pem";

    /// <summary>A PKCS#8 PEM Ed25519 private key (<c>openssl genpkey -algorithm ed25519</c>).</summary>
    public string SigningKeyPath { get; set; } = "";

    /// <summary>Whether <see cref="SigningKeyPath"/> is the data folder's own key, made when missing.</summary>
    public bool SigningKeyIsGenerated { get; set; }

    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    public int CheckpointRecords { get; set; } = 1000;

    public TimeSpan VerifyInterval { get; set; } = TimeSpan.FromMinutes(10);

    public int RetentionMonths { get; set; } = 13;

    internal List<string> BindingErrors { get; } = [];
}
