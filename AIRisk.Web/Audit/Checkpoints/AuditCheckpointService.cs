namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// Asks every 10 seconds whether a checkpoint is due (<see cref="AuditCheckpointSealer"/>), so one is sealed within
/// seconds of the records or minutes that make it due.
/// </summary>
internal sealed partial class AuditCheckpointService(AuditCheckpointSealer sealer, TimeProvider time, ILogger<AuditCheckpointService> logger)
    : AuditPeriodicService(TimeSpan.FromSeconds(10), time, logger)
{
    protected override string Work => "seal an audit checkpoint";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        if (await sealer.SealIfDueAsync(force: false, ct) is { } sealedOne)
            LogSealed(sealedOne.Seq);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint sealed at record {Seq}")]
    private partial void LogSealed(long seq);
}
