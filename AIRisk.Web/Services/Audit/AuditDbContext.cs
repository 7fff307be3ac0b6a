using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Services.Audit;

/// <summary>EF Core over the SQLite audit file. The schema itself is owned by <see cref="AuditSchema"/>.</summary>
internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<AuditRow> Entries => Set<AuditRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var row = modelBuilder.Entity<AuditRow>();
        row.ToTable("audit_log");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id");
        row.Property(r => r.AtUtcTicks).HasColumnName("at_utc_ticks");
        row.Property(r => r.StaffId).HasColumnName("staff_id");
        row.Property(r => r.StaffName).HasColumnName("staff_name");
        row.Property(r => r.Action).HasColumnName("action");
        row.Property(r => r.Outcome).HasColumnName("outcome");
        row.Property(r => r.TargetUserId).HasColumnName("target_user_id");
        row.Property(r => r.TargetUserName).HasColumnName("target_user_name");
        row.Property(r => r.Reason).HasColumnName("reason");
        row.Property(r => r.Detail).HasColumnName("detail");
        row.Property(r => r.Error).HasColumnName("error");
    }
}
