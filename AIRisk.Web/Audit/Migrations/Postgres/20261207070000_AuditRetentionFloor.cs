using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Postgres
{
    /// <summary>
    /// The retention floor belongs to the owner, not to whoever holds the nodes' password: <c>audit_prune</c> refuses
    /// fewer than 12 months (PCI DSS 10.5.1), so the nodes' role cannot shorten the history by asking for 1. No model
    /// change, hence no designer file.
    /// </summary>
    [DbContext(typeof(PostgresAuditDbContext))]
    [Migration("20261207070000_AuditRetentionFloor")]
    public partial class AuditRetentionFloor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(PruneFunction(12));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(PruneFunction(1));

        private static string PruneFunction(int minimumMonths) => $$"""
            CREATE OR REPLACE FUNCTION audit_prune(p_months integer, p_through_seq bigint) RETURNS bigint
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
            DECLARE
                cutoff bigint;
                delivered bigint;
                deleted bigint;
            BEGIN
                IF p_months IS NULL OR p_months < {{minimumMonths}} THEN
                    RAISE EXCEPTION 'audit retention must be at least {{minimumMonths}} months';
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
            """;
    }
}
