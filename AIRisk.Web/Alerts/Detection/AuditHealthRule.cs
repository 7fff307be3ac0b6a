using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// Audit health: a stream whose oldest undelivered record is older than <c>ALERT_AUDIT_LAG_SECONDS</c>, or a chain
/// self-check that found a break, is a critical alert (one per episode: <see cref="AuditHealthWatch"/>).
/// </summary>
public sealed class AuditHealthRule(DetectionOptions options)
{
    /// <returns>One finding per problem now, each with a key of its own (the stream's name, or the chain).</returns>
    public IEnumerable<Finding> Findings(IReadOnlyList<AuditStreamLag> lags, AuditVerification? chain)
    {
        foreach (var lag in lags.Where(l => l.OldestUndelivered > options.AuditLag))
        {
            var error = lag.LastError is { } last ? $"; last error: {last}" : "";
            yield return Critical($"stream/{lag.Stream}",
                $"The audit stream '{lag.Stream}' is {lag.OldestUndelivered.TotalSeconds:0} s behind ({lag.Behind} records undelivered, more than {options.AuditLag.TotalSeconds:0} s){error}.");
        }

        if (chain is { Intact: false, Breaks: [var first, ..] })
            yield return Critical("chain", $"The audit chain is broken: {first.KindName} at record {first.Seq} ({chain.Breaks.Count} findings; run audit verify).");
    }

    private static Finding Critical(string what, string summary) =>
        new(AlertRules.AuditHealth, $"{AlertRules.AuditHealth}/{what}", AlertSeverity.Critical, OnceSince: null, [], [], summary);
}
