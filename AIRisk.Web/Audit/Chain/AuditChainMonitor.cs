using AIRisk.Web.Audit.Checkpoints;

namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// Verifies the chain every <see cref="AuditChainOptions.VerifyInterval"/>: in full at start, then from where the last
/// intact verification ended. A break is kept (and the next run starts before it again), so <c>/healthz</c> says so
/// until someone looks; the app keeps serving.
/// </summary>
internal sealed partial class AuditChainMonitor(
    AuditTrail trail,
    AuditSigningKeyProvider keys,
    AuditChainOptions options,
    AuditChainStatus status,
    AuditChainMetrics metrics,
    TimeProvider time,
    ILogger<AuditChainMonitor> logger) : AuditPeriodicService(options.VerifyInterval, time, logger)
{
    private AuditChainPosition? _verified;
    private long _records;

    /// <summary>One verification now (also what the timer runs).</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        // The gauges exist once the metrics do: they are made with the monitor.
        _ = metrics;
        var result = await trail.RunAsync(db => AuditChainCheck.RunAsync(db, keys.Key, [], _verified, ct), ct);
        if (result.Intact)
        {
            _records += result.Records;
            _verified = new AuditChainPosition(result.LastSeq, result.LastHash, result.LastAtUtcTicks);
            result = result with { Records = _records, LastCheckpoint = Math.Max(result.LastCheckpoint, status.Last?.LastCheckpoint ?? 0) };
        }
        else
        {
            LogBroken(result.Breaks[0].KindName, result.Breaks[0].Seq, result.Breaks.Count);
        }

        status.Report(result);
        return result;
    }

    protected override string Work => "verify the audit chain";

    protected override Task RunOnceAsync(CancellationToken ct) => VerifyAsync(ct);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The audit chain is broken: {Kind} at record {Seq} ({Count} findings; run audit verify)")]
    private partial void LogBroken(string kind, long seq, int count);
}
