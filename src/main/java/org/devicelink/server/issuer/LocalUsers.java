package org.devicelink.server.issuer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.server.store.Sql;

/** The local provider's accounts: add, find, list, remove; with the checks that keep them sane. */
public final class LocalUsers {

    private static final String COLUMNS = "id, username, display_name, role, family_id";

    private final Sql sql;
    private final Clock clock;
    private final SecureRandom random;

    public LocalUsers(Sql sql, Clock clock, SecureRandom random) {
        this.sql = sql;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Adds an account. A child joins the family of {@code familyOf} (an organizer's username); an organizer starts a
     * family of their own.
     */
    public LocalUser add(String username, String displayName, char[] password, String role, String familyOf) {
        String name = checkUsername(username);
        if (displayName == null || displayName.isBlank() || displayName.length() > 128) {
            throw new IllegalArgumentException("Give a display name of 1 to 128 characters.");
        }
        if (!LocalSignIn.ROLES.contains(role)) {
            throw new IllegalArgumentException("Role must be one of " + LocalSignIn.ROLES + ", not '" + role + "'.");
        }
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("Passwords have at least 8 characters.");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("There is already an account named '" + name + "'.");
        }
        String familyId = switch (role) {
            case LocalSignIn.ROLE_ORGANIZER -> UUID.randomUUID().toString();
            case LocalSignIn.ROLE_CHILD -> {
                if (familyOf == null) {
                    throw new IllegalArgumentException("A child needs a family: name its organizer with --family.");
                }
                LocalUser organizer = find(familyOf).filter(u -> LocalSignIn.ROLE_ORGANIZER.equals(u.role()))
                        .orElseThrow(() -> new IllegalArgumentException("'" + familyOf + "' is not a family organizer."));
                yield organizer.familyId();
            }
            default -> null;
        };
        return insert(name, displayName.strip(), PasswordHash.of(password, random), role, familyId);
    }

    LocalUser insert(String username, String displayName, String passwordHash, String role, String familyId) {
        String id = UUID.randomUUID().toString();
        sql.update("INSERT INTO local_users (id, username, display_name, password_hash, role, family_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, username, displayName, passwordHash, role, familyId, clock.instant());
        return new LocalUser(id, username, displayName, role, familyId);
    }

    public Optional<LocalUser> find(String username) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM local_users WHERE username = ?", LocalUsers::map,
                username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    public Optional<LocalUser> findById(String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM local_users WHERE id = ?", LocalUsers::map, id);
    }

    /** The account, if the password is right. Always spends the hashing time, so timing does not reveal names. */
    public Optional<LocalUser> authenticate(String username, char[] password) {
        String stored = sql.queryOne("SELECT password_hash FROM local_users WHERE username = ?", r -> r.string("password_hash"),
                username == null ? "" : username.strip().toLowerCase(Locale.ROOT)).orElse(DemoAccounts.PASSWORD_HASH);
        boolean matches = PasswordHash.matches(password, stored);
        return matches ? find(username) : Optional.empty();
    }

    public List<LocalUser> list() {
        return sql.query("SELECT " + COLUMNS + " FROM local_users ORDER BY username", LocalUsers::map);
    }

    public boolean remove(String username) {
        return sql.update("DELETE FROM local_users WHERE username = ?", checkUsername(username)) == 1;
    }

    public boolean isEmpty() {
        return sql.queryOne("SELECT COUNT(*) AS n FROM local_users", r -> r.integer("n")).orElse(0) == 0;
    }

    static String checkUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("Usernames are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return name;
    }

    private static LocalUser map(Sql.Row r) throws java.sql.SQLException {
        return new LocalUser(r.string("id"), r.string("username"), r.string("display_name"), r.string("role"), r.string("family_id"));
    }
}
