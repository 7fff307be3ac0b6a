namespace AIRisk.Web.Audit.Retention;

/// <summary>
/// Prunes the audit trail once at start and then daily (<see cref="AuditPruner"/>). Several nodes may prune the same
/// day: the second finds nothing left to delete. A database that cannot be reached is tried again the next day.
/// </summary>
internal sealed partial class AuditRetentionService(AuditPruner pruner, TimeProvider time, ILogger<AuditRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                if (await pruner.PruneAsync(stoppingToken) is > 0 and var pruned)
                    LogPruned(pruned);
            }
            catch (Exception e) when (AuditTrail.IsUnavailable(e))
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention: {Count} records older than the retention period pruned behind a sealed checkpoint")]
    private partial void LogPruned(long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit retention could not prune; trying again tomorrow")]
    private partial void LogFailed(Exception exception);
}
