using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AIRisk.Web.Audit;

/// <summary>The audit database in a SQLite file (one node; the default). Migrations: <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context SqliteAuditDbContext</c>: a model, no database.</summary>
internal sealed class SqliteAuditDbContextDesignFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuditDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
