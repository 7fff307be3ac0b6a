namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// Asks every 10 seconds whether a checkpoint is due (<see cref="AuditCheckpointSealer"/>), so one is sealed within
/// seconds of the records or minutes that make it due. A database that cannot be reached is asked again next time.
/// </summary>
internal sealed partial class AuditCheckpointService(AuditCheckpointSealer sealer, TimeProvider time, ILogger<AuditCheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                if (await sealer.SealIfDueAsync(force: false, stoppingToken) is { } sealedOne)
                    LogSealed(sealedOne.Seq);
            }
            catch (Exception e) when (AuditTrail.IsUnavailable(e))
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint sealed at record {Seq}")]
    private partial void LogSealed(long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not seal an audit checkpoint; trying again shortly")]
    private partial void LogFailed(Exception exception);
}
