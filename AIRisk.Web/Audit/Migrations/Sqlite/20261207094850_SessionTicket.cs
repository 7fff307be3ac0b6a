using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionTicket : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ticket",
                table: "acting_session",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_acting_session_ticket",
                table: "acting_session",
                column: "ticket");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_acting_session_ticket",
                table: "acting_session");

            migrationBuilder.DropColumn(
                name: "ticket",
                table: "acting_session");
        }
    }
}
