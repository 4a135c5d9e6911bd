package org.devicelink.server.notices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.UnwantedLinkStore;

/**
 * The "This wasn't me" links of new-link notices. A link names a row by its id and carries a keyed signature of that
 * id, nothing more: no code, no token. It only opens the page, which asks the account to sign in; it is used once,
 * and only within {@link #LIFETIME}.
 */
public final class UnwantedLinks {

    public static final Duration LIFETIME = Duration.ofDays(7);

    private final UnwantedLinkStore store;
    private final KeyedHash hash;
    private final Clock clock;

    public UnwantedLinks(UnwantedLinkStore store, KeyedHash hash, Clock clock) {
        this.store = store;
        this.hash = hash;
        this.clock = clock;
    }

    /** A new link for the account's device, as the {@code n} parameter of the page's address. */
    String create(String accountId, String deviceId) {
        String id = UUID.randomUUID().toString();
        store.insert(id, accountId, deviceId, clock.instant().plus(LIFETIME));
        return id + "." + hash.of(KeyedHash.Kind.UNWANTED_LINK, id);
    }

    /** The link's row, when {@code signed} is one we made (used or expired ones included: the page says which). */
    public Optional<UnwantedLinkStore.Row> find(String signed) {
        if (signed == null || signed.length() > 100) {
            return Optional.empty();
        }
        int dot = signed.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = signed.substring(0, dot);
        byte[] given = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] ours = hash.of(KeyedHash.Kind.UNWANTED_LINK, id).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, ours) ? store.find(id) : Optional.empty();
    }

    /** Spends the link: true for its one use within its lifetime, false when it was used or has expired. */
    public boolean use(UnwantedLinkStore.Row link) {
        return store.use(link.id(), clock.instant());
    }

    /** Whether the link can still be used now. */
    public boolean usable(UnwantedLinkStore.Row link) {
        return link.usedAt() == null && clock.instant().isBefore(link.expiresAt());
    }
}
