namespace AIRisk.Web.Audit;

/// <summary>Brings the audit database up to date before the app takes requests, so a bad data folder or database fails at start.</summary>
internal sealed partial class AuditDatabaseInitializer(AuditTrail audit, AuditOptions options, ILogger<AuditDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await audit.EnsureReadyAsync(cancellationToken);
        var where = options.Describe();
        LogReady(where);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail in {Where}, schema up to date")]
    private partial void LogReady(string where);
}
