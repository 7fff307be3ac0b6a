using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIRisk.Web.Audit.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeyRingInsertOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data Protection only ever inserts (a new key, a revocation); an UPDATE or DELETE on its ring is someone
            // rewriting or dropping keys (a DELETE signs every tab out), so a statement trigger refuses both for every
            // role, the owner too. TRUNCATE stays the owner's (the nodes' role is never granted it): it starts a new
            // ring when the certificate changes (docs/deploy.md).
            migrationBuilder.Sql("""
                CREATE FUNCTION data_protection_keys_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'data_protection_keys is insert-only';
                END $$;
                CREATE TRIGGER data_protection_keys_no_update_or_delete BEFORE UPDATE OR DELETE ON data_protection_keys
                    FOR EACH STATEMENT EXECUTE FUNCTION data_protection_keys_insert_only();
                REVOKE UPDATE, DELETE, TRUNCATE ON data_protection_keys FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER data_protection_keys_no_update_or_delete ON data_protection_keys; DROP FUNCTION data_protection_keys_insert_only();");
        }
    }
}
