using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionsNeverUnended : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An ended session stays ended, for every role: its end and cause are history, as the audit log is.
            migrationBuilder.Sql("""
                CREATE FUNCTION acting_session_never_unended() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.ended_utc_ticks IS NOT NULL AND (NEW.ended_utc_ticks IS DISTINCT FROM OLD.ended_utc_ticks OR NEW.end_cause IS DISTINCT FROM OLD.end_cause) THEN
                        RAISE EXCEPTION 'an ended acting session cannot be un-ended';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER acting_session_never_unended BEFORE UPDATE ON acting_session
                    FOR EACH ROW EXECUTE FUNCTION acting_session_never_unended();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER acting_session_never_unended ON acting_session; DROP FUNCTION acting_session_never_unended();");
        }
    }
}
