using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Services.Audit;

/// <summary>EF Core over the SQLite audit file: the audit log and the acting sessions. The schema itself is owned by <see cref="AuditSchema"/>.</summary>
internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<AuditRow> Entries => Set<AuditRow>();

    public DbSet<ActingSessionRow> Sessions => Set<ActingSessionRow>();

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
        row.Property(r => r.SessionId).HasColumnName("session_id");

        var session = modelBuilder.Entity<ActingSessionRow>();
        session.ToTable("acting_session");
        session.HasKey(r => r.Id);
        session.Property(r => r.Id).HasColumnName("id");
        session.Property(r => r.StaffId).HasColumnName("staff_id");
        session.Property(r => r.StaffName).HasColumnName("staff_name");
        session.Property(r => r.TargetUserId).HasColumnName("target_user_id");
        session.Property(r => r.TargetUserName).HasColumnName("target_user_name");
        session.Property(r => r.TargetRole).HasColumnName("target_role");
        session.Property(r => r.TargetEmail).HasColumnName("target_email");
        session.Property(r => r.Reason).HasColumnName("reason");
        session.Property(r => r.StartedUtcTicks).HasColumnName("started_utc_ticks");
        session.Property(r => r.LastActivityUtcTicks).HasColumnName("last_activity_utc_ticks");
        session.Property(r => r.EndedUtcTicks).HasColumnName("ended_utc_ticks");
        session.Property(r => r.EndCause).HasColumnName("end_cause");
    }
}
