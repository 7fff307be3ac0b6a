using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit;

/// <summary>The configured provider's context, as the audit code asks for it (by the model, not the provider).</summary>
internal sealed class AuditDbContextFactory<TContext>(IDbContextFactory<TContext> provider) : IDbContextFactory<AuditDbContext>
    where TContext : AuditDbContext
{
    public AuditDbContext CreateDbContext() => provider.CreateDbContext();
}
