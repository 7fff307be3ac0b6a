namespace AIRisk.Web.Audit.Chain;

/// <summary>The last self-verification's result, for <c>/healthz</c> and the metrics; <c>null</c> until the first one.</summary>
public sealed class AuditChainStatus
{
    private volatile AuditVerification? _last;

    public AuditVerification? Last => _last;

    internal void Report(AuditVerification verification) => _last = verification;
}
