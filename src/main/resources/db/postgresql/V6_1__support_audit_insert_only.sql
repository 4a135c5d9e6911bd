-- The support audit is insert-only for every role the application connects as: a trigger refuses to change or remove
-- a row, or empty the table. Only a new, reviewed migration could take the trigger away.
CREATE FUNCTION support_audit_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'support_audit is insert-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER support_audit_insert_only BEFORE UPDATE OR DELETE OR TRUNCATE ON support_audit
    FOR EACH STATEMENT EXECUTE FUNCTION support_audit_insert_only();
