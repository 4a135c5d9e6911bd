package org.devicelink.server.tokens;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import org.devicelink.server.store.Sql;
import org.devicelink.server.store.TokenChains;

/**
 * Refresh-token rotation with reuse detection (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2), for any chain of tokens: a used
 * token is spent, and a spent token that comes back ends its whole chain, since someone holds a copy. The next
 * token is issued in the same transaction that spends the old one, so a crash never leaves a chain with no live
 * token; the ending of a chain commits even though the caller is refused.
 */
public final class TokenRotation {

    private final Sql sql;

    public TokenRotation(Sql sql) {
        this.sql = sql;
    }

    /** Why a refresh token is not honoured. */
    public enum Refusal {
        /** Never issued (or long forgotten). */
        UNKNOWN,
        /** Issued to another client. */
        OTHER_CLIENT,
        /** Its session ended: unlinked, signed out, revoked. */
        ENDED,
        /** Past its time. */
        EXPIRED,
        /** Already used: its session has just been ended for safety. */
        REUSED
    }

    /** The outcome: the next tokens, or why not (with the chain, when it is known). */
    public sealed interface Result<T> {
        record Rotated<T>(T issued) implements Result<T> {}

        record Refused<T>(Refusal refusal, TokenChains.Token token) implements Result<T> {}
    }

    /**
     * Spends {@code tokenHash} and, when it may be spent, calls {@code issueNext} with its chain's id; when it was spent
     * already, ends the chain and calls {@code onReuse} with its id (in the same transaction, to record it).
     */
    public <T> Result<T> rotate(TokenChains chains, String tokenHash, String clientId, Instant now, Function<String, T> issueNext,
                                Consumer<String> onReuse) {
        return sql.inTransaction(() -> {
            var found = chains.find(tokenHash);
            if (found.isEmpty()) {
                return new Result.Refused<>(Refusal.UNKNOWN, null);
            }
            TokenChains.Token token = found.get();
            if (!token.clientId().equals(clientId)) {
                return new Result.Refused<>(Refusal.OTHER_CLIENT, token);
            }
            if (token.ended()) {
                return new Result.Refused<>(Refusal.ENDED, token);
            }
            if (token.rotatedAt() == null && !now.isBefore(token.expiresAt())) {
                return new Result.Refused<>(Refusal.EXPIRED, token);
            }
            // a second use, or two uses racing (the loser's conditional update fails): the same as a replay
            if (token.rotatedAt() != null || !chains.markRotated(tokenHash, now)) {
                chains.endChain(token.chainId(), now);
                onReuse.accept(token.chainId());
                return new Result.Refused<>(Refusal.REUSED, token);
            }
            return new Result.Rotated<>(issueNext.apply(token.chainId()));
        });
    }
}
