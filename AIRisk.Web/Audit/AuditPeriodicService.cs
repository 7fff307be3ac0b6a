namespace AIRisk.Web.Audit;

/// <summary>
/// Work on the audit database once at start and then every <paramref name="every"/>, on each node (sealing
/// checkpoints, verifying the chain, pruning). A database that cannot be reached is logged and tried again at the
/// next tick: the work is never given up, and never takes the host down.
/// </summary>
internal abstract partial class AuditPeriodicService(TimeSpan every, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What is done at each tick, as staff would name it in a log line ("seal an audit checkpoint").</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (AuditTrail.IsUnavailable(e))
            {
                LogUnavailable(logger, e, Work, every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Work}: the audit database could not be reached; trying again in {Every}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string work, TimeSpan every);
}
