namespace AIRisk.Web.Audit.Retention;

/// <summary>
/// Prunes the audit trail once at start and then daily (<see cref="AuditPruner"/>). Several nodes may prune the same
/// day: the second finds nothing left to delete.
/// </summary>
internal sealed partial class AuditRetentionService(AuditPruner pruner, TimeProvider time, ILogger<AuditRetentionService> logger)
    : AuditPeriodicService(Every, time, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override string Work => "prune the audit trail";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        if (await pruner.PruneAsync(ct) is > 0 and var pruned)
            LogPruned(pruned);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention: {Count} records older than the retention period pruned behind a sealed checkpoint")]
    private partial void LogPruned(long count);
}
