using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditHashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "at_utc_ticks",
                table: "audit_log",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<string>(
                name: "client_ip",
                table: "audit_log",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "audit_log",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "prev_hash",
                table: "audit_log",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "seq",
                table: "audit_log",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<string>(
                name: "user_agent",
                table: "audit_log",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_chain_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false),
                    at_utc_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_checkpoint",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false),
                    at_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    key_id = table.Column<string>(type: "text", nullable: false),
                    signature = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_checkpoint", x => x.seq);
                });

            // The chain in the database (README, "Audit chain"): the encoding, the same bytes as AuditChainEncoding;
            // records from before the chain hashed in time order (their times cut to whole microseconds); and a
            // trigger that numbers, times and hashes each new record under the head's row lock, whatever the client
            // sent. The head's lock is held until commit, so several nodes make one chain, numbered in commit order
            // (a pg_advisory_xact_lock would serialise the same way; the row lock needs no agreed lock number).
            // SECURITY DEFINER: the nodes' role has no right to the head itself.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_chain_field(v text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
                    SELECT CASE WHEN v IS NULL THEN '\x2d'::bytea
                        ELSE convert_to(octet_length(convert_to(v, 'UTF8'))::text || ':', 'UTF8') || convert_to(v, 'UTF8') || '\x2c'::bytea END
                $$;
                CREATE FUNCTION audit_chain_encoding(r audit_log) RETURNS bytea LANGUAGE sql STABLE AS $$
                    SELECT audit_chain_field(r.seq::text) || audit_chain_field(((r.at_utc_ticks - 621355968000000000) / 10)::text)
                        || audit_chain_field(r.staff_id) || audit_chain_field(r.staff_name) || audit_chain_field(r.action)
                        || audit_chain_field(r.outcome) || audit_chain_field(r.target_user_id) || audit_chain_field(r.target_user_name)
                        || audit_chain_field(r.reason) || audit_chain_field(r.detail) || audit_chain_field(r.error)
                        || audit_chain_field(r.session_id) || audit_chain_field(r.client_ip) || audit_chain_field(r.user_agent)
                $$;
                CREATE FUNCTION audit_chain_hash(prev text, r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
                    SELECT encode(sha256(decode(prev, 'hex') || audit_chain_encoding(r)), 'hex')
                $$;

                ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete;
                DO $$
                DECLARE
                    r audit_log;
                    prev text := '0000000000000000000000000000000000000000000000000000000000000000';
                    n bigint := 0;
                    last_at bigint := 0;
                BEGIN
                    FOR r IN SELECT * FROM audit_log ORDER BY at_utc_ticks, id LOOP
                        n := n + 1;
                        r.seq := n;
                        r.at_utc_ticks := r.at_utc_ticks - ((r.at_utc_ticks - 621355968000000000) % 10);
                        r.prev_hash := prev;
                        r.hash := audit_chain_hash(prev, r);
                        UPDATE audit_log SET seq = r.seq, at_utc_ticks = r.at_utc_ticks, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
                        prev := r.hash;
                        last_at := r.at_utc_ticks;
                    END LOOP;
                    INSERT INTO audit_chain_head (id, seq, hash, at_utc_ticks) VALUES (1, n, prev, last_at);
                END $$;
                ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete;
                ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;

                CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                DECLARE
                    head audit_chain_head;
                BEGIN
                    SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
                    NEW.seq := head.seq + 1;
                    NEW.at_utc_ticks := greatest((extract(epoch FROM clock_timestamp()) * 1000000)::bigint * 10 + 621355968000000000, head.at_utc_ticks);
                    NEW.prev_hash := head.hash;
                    NEW.hash := audit_chain_hash(head.hash, NEW);
                    UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash, at_utc_ticks = NEW.at_utc_ticks WHERE id = 1;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
                REVOKE ALL ON audit_chain_head FROM PUBLIC;
                """);

            migrationBuilder.CreateIndex(
                name: "ux_audit_log_seq",
                table: "audit_log",
                column: "seq",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_log_chain ON audit_log;
                DROP FUNCTION audit_log_chain();
                DROP FUNCTION audit_chain_hash(text, audit_log);
                DROP FUNCTION audit_chain_encoding(audit_log);
                DROP FUNCTION audit_chain_field(text);
                """);

            migrationBuilder.DropTable(
                name: "audit_chain_head");

            migrationBuilder.DropTable(
                name: "audit_checkpoint");

            migrationBuilder.DropIndex(
                name: "ux_audit_log_seq",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "client_ip",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "prev_hash",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "seq",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "user_agent",
                table: "audit_log");

            migrationBuilder.AlterColumn<long>(
                name: "at_utc_ticks",
                table: "audit_log",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }
    }
}
