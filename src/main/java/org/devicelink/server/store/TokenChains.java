package org.devicelink.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens kept as chains (a linked device's session, a sign-in at the local provider), each token stored only
 * as its digest: what rotation with reuse detection needs of the table that holds them.
 */
public interface TokenChains {

    /**
     * @param chainId  the session the token belongs to (a device id, a sign-in grant)
     * @param clientId the client it was issued to
     * @param ended    whether the session has ended (unlinked, revoked, signed out)
     */
    record Token(String chainId, String clientId, Instant expiresAt, Instant rotatedAt, boolean ended) {}

    Optional<Token> find(String tokenHash);

    /** Marks a token used; false when it already was (a copy came back, or two uses raced). */
    boolean markRotated(String tokenHash, Instant now);

    /** Ends the whole session: a used token came back, so someone holds a copy. */
    void endChain(String chainId, Instant now);

    /** Adds the next token of a chain. */
    void add(String tokenHash, String chainId, Instant now, Instant expiresAt);
}
