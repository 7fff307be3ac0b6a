using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_delivery",
                columns: table => new
                {
                    destination = table.Column<string>(type: "text", nullable: false),
                    delivered_through_seq = table.Column<long>(type: "bigint", nullable: false),
                    lease_holder = table.Column<string>(type: "text", nullable: true),
                    lease_expires_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    last_attempt_utc_ticks = table.Column<long>(type: "bigint", nullable: true),
                    next_attempt_utc_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_delivery", x => x.destination);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_delivery");
        }
    }
}
