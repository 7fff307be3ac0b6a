using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionsNeverUnended : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An ended session stays ended: its end and cause are history, as the audit log is.
            migrationBuilder.Sql("""
                CREATE TRIGGER acting_session_never_unended BEFORE UPDATE OF ended_utc_ticks, end_cause ON acting_session
                    WHEN OLD.ended_utc_ticks IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'an ended acting session cannot be un-ended'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER acting_session_never_unended;");
        }
    }
}
