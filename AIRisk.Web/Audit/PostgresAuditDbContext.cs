using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AIRisk.Web.Audit;

/// <summary>The audit database on PostgreSQL (several nodes, one trail). Migrations: <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context PostgresAuditDbContext</c>: a model, no database.</summary>
internal sealed class PostgresAuditDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuditDbContext>().UseNpgsql("Host=design-time").Options);
}
