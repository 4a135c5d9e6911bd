package org.devicelink.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicelink.protocol.Role;

/** The {@code local_users} table: the local OpenID provider's accounts and their password hashes. */
public final class LocalUserStore {

    private static final String COLUMNS = "id, username, display_name, email, role, family_id";

    private final Sql sql;

    public LocalUserStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * An account of the local provider. {@code email} (or null) is where its notices go; {@code familyId} groups an
     * organizer with their children.
     */
    public record User(String id, String username, String displayName, String email, Role role, String familyId) {}

    public void insert(User user, String passwordHash, Instant now) {
        sql.update("INSERT INTO local_users (id, username, display_name, email, password_hash, role, family_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", user.id(), user.username(), user.displayName(), user.email(), passwordHash,
                user.role(),
                user.familyId(), now);
    }

    public Optional<User> findByUsername(String username) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM local_users WHERE username = ?", LocalUserStore::map, username);
    }

    public Optional<User> findById(String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM local_users WHERE id = ?", LocalUserStore::map, id);
    }

    public Optional<String> passwordHash(String username) {
        return sql.queryOne("SELECT password_hash FROM local_users WHERE username = ?", r -> r.string("password_hash"), username);
    }

    public List<User> all() {
        return sql.query("SELECT " + COLUMNS + " FROM local_users ORDER BY username", LocalUserStore::map);
    }

    public boolean remove(String username) {
        return sql.update("DELETE FROM local_users WHERE username = ?", username) == 1;
    }

    /** Removes the account only if its password is still the one given by hash (so a real account of the same name stays). */
    public boolean removeIfPassword(String username, String passwordHash) {
        return sql.update("DELETE FROM local_users WHERE username = ? AND password_hash = ?", username, passwordHash) == 1;
    }

    public boolean isEmpty() {
        return sql.queryOne("SELECT COUNT(*) AS n FROM local_users", r -> r.integer("n")).orElse(0) == 0;
    }

    private static User map(Sql.Row r) throws SQLException {
        return new User(r.string("id"), r.string("username"), r.string("display_name"), r.string("email"), r.choice("role", Role.class),
                r.string("family_id"));
    }
}
