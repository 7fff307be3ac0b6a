using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApprovalRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approval_request",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    requester_id = table.Column<string>(type: "TEXT", nullable: false),
                    requester_name = table.Column<string>(type: "TEXT", nullable: false),
                    target_user_id = table.Column<string>(type: "TEXT", nullable: false),
                    target_user_name = table.Column<string>(type: "TEXT", nullable: false),
                    target_roles = table.Column<string>(type: "TEXT", nullable: true),
                    why = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    ticket = table.Column<string>(type: "TEXT", nullable: true),
                    created_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    decided_by_id = table.Column<string>(type: "TEXT", nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: true),
                    decided_utc_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    valid_until_utc_ticks = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_request", x => x.id);
                    table.CheckConstraint("ck_approval_request_not_own", "decided_by_id IS NULL OR decided_by_id <> requester_id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_approval_request_requester_target",
                table: "approval_request",
                columns: new[] { "requester_id", "target_user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_request_status",
                table: "approval_request",
                columns: new[] { "status", "expires_utc_ticks" });

            // A request is decided once: a decided request (approved, denied, expired, withdrawn, break-glass) never
            // changes again, and what was asked and by whom stays as written.
            migrationBuilder.Sql("""
                CREATE TRIGGER approval_request_decided_once BEFORE UPDATE ON approval_request
                    WHEN OLD.status <> 'open'
                    BEGIN SELECT RAISE(ABORT, 'a decided approval request cannot be changed'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER approval_request_question_fixed BEFORE UPDATE OF id, requester_id, target_user_id, why, created_utc_ticks, expires_utc_ticks ON approval_request
                    BEGIN SELECT RAISE(ABORT, 'an approval request''s question cannot be changed'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER approval_request_question_fixed; DROP TRIGGER approval_request_decided_once;");
            migrationBuilder.DropTable(
                name: "approval_request");
        }
    }
}
