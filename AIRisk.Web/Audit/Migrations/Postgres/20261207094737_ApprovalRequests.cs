using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Postgres
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
                    id = table.Column<string>(type: "text", nullable: false),
                    requester_id = table.Column<string>(type: "text", nullable: false),
                    requester_name = table.Column<string>(type: "text", nullable: false),
                    target_user_id = table.Column<string>(type: "text", nullable: false),
                    target_user_name = table.Column<string>(type: "text", nullable: false),
                    target_roles = table.Column<string>(type: "text", nullable: true),
                    why = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    ticket = table.Column<string>(type: "text", nullable: true),
                    created_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    expires_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    decided_by_id = table.Column<string>(type: "text", nullable: true),
                    decided_by_name = table.Column<string>(type: "text", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    decided_utc_ticks = table.Column<long>(type: "bigint", nullable: true),
                    valid_until_utc_ticks = table.Column<long>(type: "bigint", nullable: true)
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

            // A request is decided once, for every role: what was asked and by whom stays as written, and a decided
            // request (approved, denied, expired, withdrawn, break-glass) never changes again.
            migrationBuilder.Sql("""
                CREATE FUNCTION approval_request_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.status <> 'open' THEN
                        RAISE EXCEPTION 'a decided approval request cannot be changed';
                    END IF;
                    IF (NEW.id, NEW.requester_id, NEW.target_user_id, NEW.why, NEW.created_utc_ticks, NEW.expires_utc_ticks)
                        IS DISTINCT FROM (OLD.id, OLD.requester_id, OLD.target_user_id, OLD.why, OLD.created_utc_ticks, OLD.expires_utc_ticks) THEN
                        RAISE EXCEPTION 'an approval request''s question cannot be changed';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER approval_request_decided_once BEFORE UPDATE ON approval_request
                    FOR EACH ROW EXECUTE FUNCTION approval_request_decided_once();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER approval_request_decided_once ON approval_request; DROP FUNCTION approval_request_decided_once();");
            migrationBuilder.DropTable(
                name: "approval_request");
        }
    }
}
