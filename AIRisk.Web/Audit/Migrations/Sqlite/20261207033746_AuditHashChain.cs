using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditHashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_ip",
                table: "audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "prev_hash",
                table: "audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "seq",
                table: "audit_log",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "user_agent",
                table: "audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_chain_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", nullable: false),
                    at_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_checkpoint",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", nullable: false),
                    at_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", nullable: false),
                    signature = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_checkpoint", x => x.seq);
                });

            // Records from before the chain: numbered in time order (times cut to whole microseconds, the chain's
            // precision), and hashed in that order by the app at its next start (AuditChainBackfill). Until then
            // their hash is NULL, and only such a record may be updated, once.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_log_no_update;
                UPDATE audit_log SET at_utc_ticks = at_utc_ticks - ((at_utc_ticks - 621355968000000000) % 10);
                UPDATE audit_log SET seq = o.n
                    FROM (SELECT id, row_number() OVER (ORDER BY at_utc_ticks, id) AS n FROM audit_log) AS o
                    WHERE o.id = audit_log.id;
                INSERT INTO audit_chain_head (id, seq, hash, at_utc_ticks)
                    SELECT 1, count(*), '0000000000000000000000000000000000000000000000000000000000000000', coalesce(max(at_utc_ticks), 0) FROM audit_log;
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
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
                DROP TRIGGER IF EXISTS audit_log_no_update;
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
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
        }
    }
}
