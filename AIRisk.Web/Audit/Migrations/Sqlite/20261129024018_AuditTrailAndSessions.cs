using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

using AIRisk.Web.Audit;
using AIRisk.Web.Hosting;
namespace AIRisk.Web.Audit.Migrations.Sqlite
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
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    staff_id = table.Column<string>(type: "TEXT", nullable: false),
                    staff_name = table.Column<string>(type: "TEXT", nullable: false),
                    target_user_id = table.Column<string>(type: "TEXT", nullable: false),
                    target_user_name = table.Column<string>(type: "TEXT", nullable: false),
                    target_role = table.Column<string>(type: "TEXT", nullable: true),
                    target_email = table.Column<string>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    started_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    last_activity_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_utc_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    end_cause = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acting_session", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<string>(type: "TEXT", nullable: false),
                    staff_name = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    target_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    target_user_name = table.Column<string>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    session_id = table.Column<string>(type: "TEXT", nullable: true)
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

            // Append-only, in the database itself: even a bug in the app cannot rewrite history through SQL.
            migrationBuilder.Sql("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acting_session");

            migrationBuilder.DropTable(
                name: "audit_log");
        }
    }
}
