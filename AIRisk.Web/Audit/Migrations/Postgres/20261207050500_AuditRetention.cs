using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Postgres
{
    /// <summary>
    /// Retention (issue 24 item 6): <c>audit_prune(months, through_seq)</c>, the owner's, is the one way to delete audit
    /// records. It deletes records up to <c>through_seq</c> only when a checkpoint is sealed there (the verifier starts
    /// from it), the record there is older than <c>months</c> by the database's clock, and every stream destination
    /// (<c>audit_delivery</c>, when it exists) has delivered it. The append-only trigger lets a DELETE through only inside
    /// it. No model change, hence no designer file.
    /// </summary>
    [DbContext(typeof(PostgresAuditDbContext))]
    [Migration("20261207050500_AuditRetention")]
    public partial class AuditRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The flag is transaction-local and set only inside audit_prune; a role that could set it itself would still
            // need DELETE on audit_log, which only the owner has.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND current_setting('airisk.audit_pruning', true) = 'on' THEN
                        RETURN NULL;
                    END IF;
                    RAISE EXCEPTION 'audit_log is append-only';
                END $$;

                CREATE FUNCTION audit_prune(p_months integer, p_through_seq bigint) RETURNS bigint
                    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                DECLARE
                    cutoff bigint;
                    delivered bigint;
                    deleted bigint;
                BEGIN
                    IF p_months IS NULL OR p_months < 1 THEN
                        RAISE EXCEPTION 'audit retention must be at least one month';
                    END IF;
                    cutoff := (extract(epoch FROM clock_timestamp() - make_interval(months => p_months)) * 1000000)::bigint * 10 + 621355968000000000;
                    IF NOT EXISTS (SELECT 1 FROM audit_checkpoint WHERE seq = p_through_seq) THEN
                        RAISE EXCEPTION 'no sealed checkpoint at audit record %', p_through_seq;
                    END IF;
                    IF EXISTS (SELECT 1 FROM audit_log WHERE seq = p_through_seq AND at_utc_ticks >= cutoff) THEN
                        RAISE EXCEPTION 'audit record % is within the retention period', p_through_seq;
                    END IF;
                    IF to_regclass('public.audit_delivery') IS NOT NULL THEN
                        EXECUTE 'SELECT min(delivered_through_seq) FROM public.audit_delivery' INTO delivered;
                        IF delivered IS NOT NULL AND p_through_seq > delivered THEN
                            RAISE EXCEPTION 'audit record % is not yet delivered to every stream destination', p_through_seq;
                        END IF;
                    END IF;
                    PERFORM set_config('airisk.audit_pruning', 'on', true);
                    DELETE FROM audit_log WHERE seq <= p_through_seq AND at_utc_ticks < cutoff;
                    GET DIAGNOSTICS deleted = ROW_COUNT;
                    PERFORM set_config('airisk.audit_pruning', 'off', true);
                    RETURN deleted;
                END $$;
                REVOKE ALL ON FUNCTION audit_prune(integer, bigint) FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION audit_prune(integer, bigint);
                CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_log is append-only';
                END $$;
                """);
        }
    }
}
