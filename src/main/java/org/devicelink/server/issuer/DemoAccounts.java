package org.devicelink.server.issuer;

import java.util.List;
import java.util.UUID;
import org.devicelink.protocol.Role;
import org.devicelink.server.store.LocalUserStore;

/**
 * The accounts a new user tries the embedded default with: a parent who organizes a family, a child in it, and a
 * support agent, all with the password {@value #PASSWORD}. Their hash is computed once here rather than at every
 * start (600,000 PBKDF2 rounds cost about half a second each); the password is public anyway. Only ever served on
 * loopback: the server refuses to start with demo accounts on a network address.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "link-demo";
    /** PasswordHash.of("link-demo"); DemoAccountsTest checks it still matches. */
    static final String PASSWORD_HASH = "pbkdf2-sha256$600000$Uxxppz+7qlBZohoTdMXQ7w$rJH+qIlMJkRQrrD+wJfIT2fZeB5st3ljf12IWRtQEOM";

    public static final String PARENT = "alex";
    public static final String CHILD = "sam";
    public static final String SUPPORT = "riley";

    private DemoAccounts() {}

    /** Removes the demo accounts that are still demo accounts (their published password); returns how many. */
    public static int remove(LocalUserStore store) {
        int removed = 0;
        for (String username : List.of(PARENT, CHILD, SUPPORT)) {
            removed += store.removeIfPassword(username, PASSWORD_HASH) ? 1 : 0;
        }
        return removed;
    }

    /** Adds the demo accounts to an empty provider; does nothing once any account exists. */
    public static void seed(LocalUsers users) {
        if (!users.isEmpty()) {
            return;
        }
        String family = UUID.randomUUID().toString();
        // example.com addresses (RFC 2606): on the embedded default their notices land in the outbox folder
        users.insert(PARENT, "Alex Morgan", "alex@example.com", PASSWORD_HASH, Role.ORGANIZER, family);
        users.insert(CHILD, "Sam Morgan", "sam@example.com", PASSWORD_HASH, Role.CHILD, family);
        users.insert(SUPPORT, "Riley (DeviceLink support)", null, PASSWORD_HASH, Role.SUPPORT, null);
    }
}
