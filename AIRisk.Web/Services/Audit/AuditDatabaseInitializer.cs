namespace AIRisk.Web.Services.Audit;

/// <summary>Brings the audit database up to date before the app takes requests, so a bad data folder fails at start.</summary>
internal sealed partial class AuditDatabaseInitializer(SqliteAuditTrail audit, AuditOptions options, ILogger<AuditDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await audit.EnsureReadyAsync(cancellationToken);
        LogReady(options.DatabasePath, AuditSchema.LatestVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail at {Path} (schema version {Version})")]
    private partial void LogReady(string path, int version);
}
