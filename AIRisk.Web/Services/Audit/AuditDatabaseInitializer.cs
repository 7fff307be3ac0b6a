using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Services.Audit;

/// <summary>Creates the data folder and applies the audit schema before the app takes requests.</summary>
internal sealed partial class AuditDatabaseInitializer(IDbContextFactory<AuditDbContext> contexts, AuditOptions options, ILogger<AuditDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await AuditSchema.ApplyAsync(db, cancellationToken);
        LogReady(options.DatabasePath, AuditSchema.LatestVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail at {Path} (schema version {Version})")]
    private partial void LogReady(string path, int version);
}
