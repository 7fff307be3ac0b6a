using System.Diagnostics.Metrics;

namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// The chain's self-verification as metrics on the console's meter: <c>airisk.audit.chain.breaks</c> (findings of the
/// last verification; 0 when intact) and <c>airisk.audit.chain.verified</c> (the last record it reached).
/// </summary>
internal sealed class AuditChainMetrics
{
    public AuditChainMetrics(IMeterFactory meters, AuditChainStatus status)
    {
        var meter = meters.Create(AIRisk.Core.Telemetry.ConsoleTelemetry.Name);
        meter.CreateObservableGauge("airisk.audit.chain.breaks", () => status.Last?.Breaks.Count ?? 0, "{break}",
            "Breaks the audit chain's last self-verification found (hash, link, gap, order, truncation, signature); 0 when intact.");
        meter.CreateObservableGauge("airisk.audit.chain.verified", () => status.Last?.LastSeq ?? 0, "{record}",
            "The last audit record the chain's self-verification reached.");
    }
}
