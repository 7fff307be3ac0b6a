using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionLeasesAndRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lease_circuit",
                table: "acting_session",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "lease_connected",
                table: "acting_session",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "lease_seen_utc_ticks",
                table: "acting_session",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "target_roles",
                table: "acting_session",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_acting_session_ended",
                table: "acting_session",
                column: "ended_utc_ticks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_acting_session_ended",
                table: "acting_session");

            migrationBuilder.DropColumn(
                name: "lease_circuit",
                table: "acting_session");

            migrationBuilder.DropColumn(
                name: "lease_connected",
                table: "acting_session");

            migrationBuilder.DropColumn(
                name: "lease_seen_utc_ticks",
                table: "acting_session");

            migrationBuilder.DropColumn(
                name: "target_roles",
                table: "acting_session");
        }
    }
}
