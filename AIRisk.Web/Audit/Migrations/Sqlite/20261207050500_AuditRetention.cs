using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Sqlite
{
    /// <summary>
    /// Retention (issue 24 item 6): the append-only trigger lets a record go only at or below a sealed checkpoint, where
    /// the verifier can start once the records before it are gone. No model change, hence no designer file.
    /// </summary>
    [DbContext(typeof(SqliteAuditDbContext))]
    [Migration("20261207050500_AuditRetention")]
    public partial class AuditRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_log_no_delete;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    WHEN NOT EXISTS (SELECT 1 FROM audit_checkpoint WHERE seq >= OLD.seq)
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_log_no_delete;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                """);
        }
    }
}
