using AIRisk.Web.Audit.Approvals;
using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Checkpoints;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.Audit.Streaming;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Audit;

/// <summary>
/// The audit database: the append-only audit log, the acting sessions, and (on a server database) the Data
/// Protection key ring every node shares. One model; each provider has its own context type only so that it has its
/// own migrations (<see cref="SqliteAuditDbContext"/>, <see cref="PostgresAuditDbContext"/>).
/// </summary>
public abstract class AuditDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    internal DbSet<AuditRow> Entries => Set<AuditRow>();

    internal DbSet<ActingSessionRow> Sessions => Set<ActingSessionRow>();

    internal DbSet<AuditChainHeadRow> ChainHead => Set<AuditChainHeadRow>();

    internal DbSet<AuditCheckpointRow> Checkpoints => Set<AuditCheckpointRow>();

    internal DbSet<AuditDeliveryRow> Deliveries => Set<AuditDeliveryRow>();

    internal DbSet<ApprovalRequestRow> ApprovalRequests => Set<ApprovalRequestRow>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
        row.Property(r => r.ClientIp).HasColumnName("client_ip");
        row.Property(r => r.UserAgent).HasColumnName("user_agent");
        row.Property(r => r.Seq).HasColumnName("seq");
        row.Property(r => r.PrevHash).HasColumnName("prev_hash");
        row.Property(r => r.Hash).HasColumnName("hash");
        if (Database.IsNpgsql())
        {
            // Set by the chain's trigger (the nodes' role may not even name these columns): left out of each INSERT
            // while unset, and read back after it.
            row.Property(r => r.Seq).ValueGeneratedOnAdd();
            row.Property(r => r.AtUtcTicks).ValueGeneratedOnAdd();
            row.Property(r => r.PrevHash).ValueGeneratedOnAdd();
            row.Property(r => r.Hash).ValueGeneratedOnAdd();
        }

        row.HasIndex(r => r.AtUtcTicks).HasDatabaseName("ix_audit_log_at");
        row.HasIndex(r => r.SessionId).HasDatabaseName("ix_audit_log_session");
        row.HasIndex(r => r.Seq).IsUnique().HasDatabaseName("ux_audit_log_seq");
        // The detection rules' queries at each act-as: one staff member's session starts, refusals or alerts in a window.
        row.HasIndex(r => new { r.StaffId, r.Action, r.Outcome, r.AtUtcTicks }).HasDatabaseName("ix_audit_log_staff_action");

        var head = modelBuilder.Entity<AuditChainHeadRow>();
        head.ToTable("audit_chain_head");
        head.HasKey(h => h.Id);
        head.Property(h => h.Id).HasColumnName("id").ValueGeneratedNever();
        head.Property(h => h.Seq).HasColumnName("seq");
        head.Property(h => h.Hash).HasColumnName("hash");
        head.Property(h => h.AtUtcTicks).HasColumnName("at_utc_ticks");

        var checkpoint = modelBuilder.Entity<AuditCheckpointRow>();
        checkpoint.ToTable("audit_checkpoint");
        checkpoint.HasKey(c => c.Seq);
        checkpoint.Property(c => c.Seq).HasColumnName("seq").ValueGeneratedNever();
        checkpoint.Property(c => c.Hash).HasColumnName("hash");
        checkpoint.Property(c => c.AtUtcTicks).HasColumnName("at_utc_ticks");
        checkpoint.Property(c => c.KeyId).HasColumnName("key_id");
        checkpoint.Property(c => c.Signature).HasColumnName("signature");

        var session = modelBuilder.Entity<ActingSessionRow>();
        session.ToTable("acting_session");
        session.HasKey(r => r.Id);
        session.Property(r => r.Id).HasColumnName("id");
        session.Property(r => r.StaffId).HasColumnName("staff_id");
        session.Property(r => r.StaffName).HasColumnName("staff_name");
        session.Property(r => r.TargetUserId).HasColumnName("target_user_id");
        session.Property(r => r.TargetUserName).HasColumnName("target_user_name");
        session.Property(r => r.TargetRole).HasColumnName("target_role");
        session.Property(r => r.TargetRoles).HasColumnName("target_roles");
        session.Property(r => r.TargetEmail).HasColumnName("target_email");
        session.Property(r => r.Reason).HasColumnName("reason");
        session.Property(r => r.Ticket).HasColumnName("ticket");
        session.HasIndex(r => r.Ticket).HasDatabaseName("ix_acting_session_ticket");
        session.Property(r => r.StartedUtcTicks).HasColumnName("started_utc_ticks");
        session.Property(r => r.LastActivityUtcTicks).HasColumnName("last_activity_utc_ticks");
        session.Property(r => r.EndedUtcTicks).HasColumnName("ended_utc_ticks");
        session.Property(r => r.EndCause).HasColumnName("end_cause");
        session.Property(r => r.LeaseCircuit).HasColumnName("lease_circuit");
        session.Property(r => r.LeaseConnected).HasColumnName("lease_connected");
        session.Property(r => r.LeaseSeenUtcTicks).HasColumnName("lease_seen_utc_ticks");
        session.HasIndex(r => r.EndedUtcTicks).HasDatabaseName("ix_acting_session_ended");

        var delivery = modelBuilder.Entity<AuditDeliveryRow>();
        delivery.ToTable("audit_delivery");
        delivery.HasKey(d => d.Destination);
        delivery.Property(d => d.Destination).HasColumnName("destination");
        delivery.Property(d => d.DeliveredThroughSeq).HasColumnName("delivered_through_seq");
        delivery.Property(d => d.LeaseHolder).HasColumnName("lease_holder");
        delivery.Property(d => d.LeaseExpiresUtcTicks).HasColumnName("lease_expires_utc_ticks");
        delivery.Property(d => d.Attempts).HasColumnName("attempts");
        delivery.Property(d => d.LastError).HasColumnName("last_error");
        delivery.Property(d => d.LastAttemptUtcTicks).HasColumnName("last_attempt_utc_ticks");
        delivery.Property(d => d.NextAttemptUtcTicks).HasColumnName("next_attempt_utc_ticks");

        var approval = modelBuilder.Entity<ApprovalRequestRow>();
        approval.ToTable("approval_request");
        approval.HasKey(r => r.Id);
        approval.Property(r => r.Id).HasColumnName("id");
        approval.Property(r => r.RequesterId).HasColumnName("requester_id");
        approval.Property(r => r.RequesterName).HasColumnName("requester_name");
        approval.Property(r => r.TargetUserId).HasColumnName("target_user_id");
        approval.Property(r => r.TargetUserName).HasColumnName("target_user_name");
        approval.Property(r => r.TargetRoles).HasColumnName("target_roles");
        approval.Property(r => r.Why).HasColumnName("why");
        approval.Property(r => r.Reason).HasColumnName("reason");
        approval.Property(r => r.Ticket).HasColumnName("ticket");
        approval.Property(r => r.CreatedUtcTicks).HasColumnName("created_utc_ticks");
        approval.Property(r => r.ExpiresUtcTicks).HasColumnName("expires_utc_ticks");
        approval.Property(r => r.Status).HasColumnName("status");
        approval.Property(r => r.DecidedById).HasColumnName("decided_by_id");
        approval.Property(r => r.DecidedByName).HasColumnName("decided_by_name");
        approval.Property(r => r.Note).HasColumnName("note");
        approval.Property(r => r.DecidedUtcTicks).HasColumnName("decided_utc_ticks");
        approval.Property(r => r.ValidUntilUtcTicks).HasColumnName("valid_until_utc_ticks");
        // Nobody approves their own request, whichever node or tab writes the decision.
        approval.ToTable(t => t.HasCheckConstraint("ck_approval_request_not_own", "decided_by_id IS NULL OR decided_by_id <> requester_id"));
        // Approvers' list (open ones) and a requester's standing approval for a target.
        approval.HasIndex(r => new { r.Status, r.ExpiresUtcTicks }).HasDatabaseName("ix_approval_request_status");
        approval.HasIndex(r => new { r.RequesterId, r.TargetUserId, r.Status }).HasDatabaseName("ix_approval_request_requester_target");

        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
