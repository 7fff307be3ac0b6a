-- What the nodes' role may do in the audit database, applied by the owner after `AIRisk.Web --migrate`
-- (psql -d airisk -v app_role=airisk_app -f deploy/postgres-grants.sql). The owner role applies the schema and is
-- used for nothing else; the nodes never own a table, so they cannot drop its trigger or grant themselves more.
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT ON "__EFMigrationsHistory" TO :"app_role";
-- The audit log: read and append, never UPDATE, DELETE or TRUNCATE (a trigger refuses those for the owner too).
GRANT SELECT, INSERT ON audit_log TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM :"app_role";
-- Acting sessions are current state (their history is the log): read, start, touch and end.
GRANT SELECT, INSERT, UPDATE ON acting_session TO :"app_role";
-- The Data Protection key ring every node shares: read and insert only (Data Protection never changes or deletes a
-- key; a new key or a revocation is a new row), so the nodes' password cannot rewrite or drop keys.
GRANT SELECT, INSERT ON data_protection_keys TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON data_protection_keys FROM :"app_role";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
