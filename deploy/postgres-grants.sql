-- What the nodes' role may do in the audit database, applied by the owner after `AIRisk.Web --migrate`
-- (psql -d airisk -v app_role=airisk_app -f deploy/postgres-grants.sql). The owner role applies the schema and is
-- used for nothing else; the nodes never own a table, so they cannot drop its trigger or grant themselves more.
-- Idempotent: table-wide rights an earlier version granted are revoked before the column rights are granted.
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT ON "__EFMigrationsHistory" TO :"app_role";
-- The audit log: read, and append only through the chain's trigger: the sequence, time and hashes are not even
-- columns the role may name (the trigger sets them from the chain's head and the database clock). Never UPDATE,
-- DELETE or TRUNCATE (a trigger refuses those for the owner too). The chain's head is the trigger's alone.
GRANT SELECT ON audit_log TO :"app_role";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM :"app_role";
GRANT INSERT (staff_id, staff_name, action, outcome, target_user_id, target_user_name, reason, detail, error, session_id, client_ip, user_agent)
    ON audit_log TO :"app_role";
REVOKE ALL ON audit_chain_head FROM :"app_role";
-- Retention: the owner's audit_prune deletes only records older than the retention asked for (by the database's
-- clock), at or below a sealed checkpoint and delivered to every stream destination; nothing else deletes.
GRANT EXECUTE ON FUNCTION audit_prune(integer, bigint) TO :"app_role";
-- Signed checkpoints: read and add (a forged one fails its signature; the key is not in the database).
GRANT SELECT, INSERT ON audit_checkpoint TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoint FROM :"app_role";
-- The SIEM stream's outbox: each stream's cursor, lease and last failure, moved by whichever node sends. A node
-- that moved a cursor past records unsent would leave a gap in the sequence the SIEM receives (and alerts on).
GRANT SELECT, INSERT, UPDATE ON audit_delivery TO :"app_role";
REVOKE DELETE, TRUNCATE ON audit_delivery FROM :"app_role";
-- Acting sessions are current state (their history is the log): read and start; update only the activity, lease
-- and end columns (who, as whom, why and when it started stay as written); a trigger refuses un-ending a session.
GRANT SELECT, INSERT ON acting_session TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON acting_session FROM :"app_role";
GRANT UPDATE (last_activity_utc_ticks, ended_utc_ticks, end_cause, lease_circuit, lease_connected, lease_seen_utc_ticks)
    ON acting_session TO :"app_role";
-- Requests for a second person: read, ask, and write a decision's columns only (who asked, as whom, why and when
-- stay as written). A CHECK refuses a decision by the requester and a trigger refuses changing a decided request.
GRANT SELECT, INSERT ON approval_request TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON approval_request FROM :"app_role";
GRANT UPDATE (status, decided_by_id, decided_by_name, note, decided_utc_ticks, valid_until_utc_ticks)
    ON approval_request TO :"app_role";
-- The Data Protection key ring every node shares: read and insert only (Data Protection never changes or deletes a
-- key; a new key or a revocation is a new row), so the nodes' password cannot rewrite or drop keys.
GRANT SELECT, INSERT ON data_protection_keys TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON data_protection_keys FROM :"app_role";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
-- Nothing of its own: no tables, functions or temporary tables to hide a trigger-free copy or shadow a name.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM :"app_role";
SELECT format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC, %I', current_database(), :'app_role') \gexec
