package org.devicelink.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicelink.protocol.Role;

/**
 * The {@code accounts} table: people who approve or own devices, keyed by (issuer, subject), with the family the
 * provider last said they belong to.
 */
public final class AccountStore {

    private static final String COLUMNS = "id, display_name, email, family_id, family_role";

    private final Sql sql;

    public AccountStore(Sql sql) {
        this.sql = sql;
    }

    /** @param familyRole {@link Role#ORGANIZER} or {@link Role#CHILD} in the family {@code familyId}; both null outside one */
    public record Row(String id, String displayName, String email, String familyId, Role familyRole) {}

    /**
     * Holds the account's row until the transaction ends: approvals for one owner, on any node, take their turn, so
     * a device limit or the one-console rule is never passed by two approvals counting at once.
     */
    public void lock(String id) {
        sql.query("SELECT id FROM accounts WHERE id = ? FOR UPDATE", r -> r.string("id"), id);
    }

    public Optional<Row> find(String issuer, String subject) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM accounts WHERE issuer = ? AND subject = ?", AccountStore::map, issuer, subject);
    }

    /** The account {@code id} if it is in the family {@code familyId} of {@code issuer}. */
    public Optional<Row> findInFamily(String issuer, String familyId, String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM accounts WHERE issuer = ? AND family_id = ? AND id = ?", AccountStore::map,
                issuer, familyId, id);
    }

    /** A family is a household: more members than this are not listed (nor their devices). */
    public static final int MAX_FAMILY = 50;

    /** The family's accounts that have signed in here, by name. */
    public List<Row> family(String issuer, String familyId) {
        return sql.query("SELECT " + COLUMNS + " FROM accounts WHERE issuer = ? AND family_id = ? ORDER BY display_name, id FETCH FIRST "
                        + MAX_FAMILY + " ROWS ONLY",
                AccountStore::map, issuer, familyId);
    }

    /** Adds an account; a {@link Sql.StoreException} with a duplicate key when the same person raced to it. */
    public void insert(String id, String issuer, String subject, Said said, Instant now) {
        sql.update("INSERT INTO accounts (id, issuer, subject, display_name, email, family_id, family_role, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, issuer, subject, said.displayName(), said.email(), said.familyId(),
                said.familyRole(), now);
    }

    /** What the provider says of an account: its name, its address (null: none), its family. */
    public record Said(String displayName, String email, String familyId, Role familyRole) {}

    /** What the provider says now. */
    public void update(String id, Said said) {
        sql.update("UPDATE accounts SET display_name = ?, email = ?, family_id = ?, family_role = ? WHERE id = ?", said.displayName(),
                said.email(), said.familyId(), said.familyRole(), id);
    }

    /** The account's linking setting, or empty when it follows the operator's default. */
    public Optional<String> linking(String id) {
        return sql.queryOne("SELECT linking FROM accounts WHERE id = ?", r -> r.string("linking"), id);
    }

    /** Sets the account's linking setting; null: back to the operator's default. */
    public void setLinking(String id, String linking) {
        sql.update("UPDATE accounts SET linking = ? WHERE id = ?", linking, id);
    }

    /** Where the account's notices go, as its provider last said; empty when it gave none. */
    public Optional<String> email(String id) {
        return sql.queryOne("SELECT email FROM accounts WHERE id = ?", r -> r.string("email"), id);
    }

    private static Row map(Sql.Row r) throws SQLException {
        return new Row(r.string("id"), r.string("display_name"), r.string("email"), r.string("family_id"),
                r.choice("family_role", Role.class));
    }
}
