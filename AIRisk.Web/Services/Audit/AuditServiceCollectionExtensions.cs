using AIRisk.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite audit trail; its schema is brought up to date at start (and on first use).</summary>
public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskAudit(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var directory = configuration[AuditOptions.DataDirectoryKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(contentRoot, "data");
        var options = new AuditOptions { DataDirectory = directory };
        services.AddSingleton(options);

        // Pooled: a switch writes several records, and a pooled context skips building its services each time.
        services.AddPooledDbContextFactory<AuditDbContext>(o => o.UseSqlite(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = options.DatabasePath, DefaultTimeout = 30, Pooling = true }.ToString()));
        services.AddSingleton<SqliteAuditTrail>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<SqliteAuditTrail>());
        services.AddSingleton<AIRisk.Web.Services.Sessions.IActingSessionStore, SqliteActingSessionStore>();
        services.AddHostedService<AuditDatabaseInitializer>();
        return services;
    }
}
