using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

using AIRisk.Web.Audit;
using AIRisk.Web.Hosting;
namespace AIRisk.Web.Audit.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditTrailAndSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "acting_session",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    staff_id = table.Column<string>(type: "text", nullable: false),
                    staff_name = table.Column<string>(type: "text", nullable: false),
                    target_user_id = table.Column<string>(type: "text", nullable: false),
                    target_user_name = table.Column<string>(type: "text", nullable: false),
                    target_role = table.Column<string>(type: "text", nullable: true),
                    target_email = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    started_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    last_activity_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    ended_utc_ticks = table.Column<long>(type: "bigint", nullable: true),
                    end_cause = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acting_session", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<string>(type: "text", nullable: false),
                    staff_name = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    target_user_id = table.Column<string>(type: "text", nullable: true),
                    target_user_name = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    detail = table.Column<string>(type: "text", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    session_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at_utc_ticks");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_session",
                table: "audit_log",
                column: "session_id");

            // Append-only, in the database itself: statement triggers refuse UPDATE, DELETE and TRUNCATE for every role
            // (even when no row matches), and no role but the owner may even ask (the app's role is granted SELECT and
            // INSERT only: docs/deploy.md).
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_log is append-only';
                END $$;
                CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_log_no_truncate ON audit_log; DROP TRIGGER audit_log_no_update_or_delete ON audit_log; DROP FUNCTION audit_log_append_only();");
            migrationBuilder.DropTable(
                name: "acting_session");

            migrationBuilder.DropTable(
                name: "audit_log");
        }
    }
}
