package org.devicelink.server.issuer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.devicelink.protocol.DisplayText;
import org.devicelink.protocol.Role;
import org.devicelink.server.store.LocalUserStore;

/** The local provider's accounts: add, find, list, remove, check a password; with the rules that keep them sane. */
public final class LocalUsers {

    private final LocalUserStore store;
    private final Clock clock;
    private final SecureRandom random;

    public LocalUsers(LocalUserStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Adds an account. A child joins the family of {@code familyOf} (an organizer's username); an organizer starts a
     * family of their own.
     */
    public LocalUserStore.User add(String username, String displayName, String email, char[] password, Role role, String familyOf) {
        String name = checkUsername(username);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an email address (name@example.com).");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 128 || !DisplayText.showable(displayName)) {
            throw new IllegalArgumentException("Give a display name of 1 to 128 characters, all of them visible.");
        }
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("Passwords have at least 8 characters.");
        }
        if (store.findByUsername(name).isPresent()) {
            throw new IllegalArgumentException("There is already an account named '" + name + "'.");
        }
        String familyId = switch (role) {
            case ORGANIZER -> UUID.randomUUID().toString();
            case CHILD -> {
                if (familyOf == null) {
                    throw new IllegalArgumentException("A child needs a family: name its organizer with --family.");
                }
                yield store.findByUsername(checkUsername(familyOf)).filter(u -> u.role() == Role.ORGANIZER)
                        .orElseThrow(() -> new IllegalArgumentException("'" + familyOf + "' is not a family organizer."))
                        .familyId();
            }
            case MEMBER, SUPPORT -> null;
        };
        return insert(name, displayName.strip(), email, PasswordHash.of(password, random), role, familyId);
    }

    private static final Pattern EMAIL = Pattern.compile("[^\\s\\p{Cntrl}@<>,;\"]{1,64}@[^\\s\\p{Cntrl}@<>,;\"]{1,189}\\.[a-zA-Z]{2,63}");

    /** Adds an account whose password hash is already made (the demo accounts'). */
    LocalUserStore.User insert(String username, String displayName, String email, String passwordHash, Role role, String familyId) {
        var user = new LocalUserStore.User(UUID.randomUUID().toString(), username, displayName, email, role, familyId);
        store.insert(user, passwordHash, clock.instant());
        return user;
    }

    public Optional<LocalUserStore.User> find(String username) {
        return store.findByUsername(normalized(username));
    }

    public Optional<LocalUserStore.User> findById(String id) {
        return store.findById(id);
    }

    /** The account, if the password is right. Always spends the hashing time, so timing does not reveal names. */
    public Optional<LocalUserStore.User> authenticate(String username, char[] password) {
        String stored = store.passwordHash(normalized(username)).orElse(PasswordHash.NOBODY);
        return PasswordHash.matches(password, stored) ? find(username) : Optional.empty();
    }

    public List<LocalUserStore.User> list() {
        return store.all();
    }

    public boolean remove(String username) {
        return store.remove(checkUsername(username));
    }

    public boolean isEmpty() {
        return store.isEmpty();
    }

    static String checkUsername(String username) {
        String name = normalized(username);
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("Usernames are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return name;
    }

    private static String normalized(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
