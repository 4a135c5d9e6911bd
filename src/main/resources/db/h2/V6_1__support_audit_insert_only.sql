-- The support audit is insert-only: a trigger refuses to change or remove a row (see InsertOnlyTrigger).
CREATE TRIGGER support_audit_no_update BEFORE UPDATE ON support_audit FOR EACH STATEMENT CALL "org.devicelink.server.store.InsertOnlyTrigger";
CREATE TRIGGER support_audit_no_delete BEFORE DELETE ON support_audit FOR EACH STATEMENT CALL "org.devicelink.server.store.InsertOnlyTrigger";
