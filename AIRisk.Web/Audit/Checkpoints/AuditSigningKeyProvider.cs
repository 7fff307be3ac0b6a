namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>The signing key, loaded (or on the embedded default made) on first use and kept for the process.</summary>
public sealed class AuditSigningKeyProvider(AuditChainOptions options) : IDisposable
{
    private readonly Lazy<AuditSigningKey> _key = new(() => options.SigningKeyIsGenerated
        ? AuditSigningKey.LoadOrCreate(options.SigningKeyPath)
        : AuditSigningKey.Load(options.SigningKeyPath));

    public AuditSigningKey Key => _key.Value;

    public void Dispose()
    {
        if (_key.IsValueCreated)
            _key.Value.Dispose();
    }
}
