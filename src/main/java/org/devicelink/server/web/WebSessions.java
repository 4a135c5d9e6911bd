package org.devicelink.server.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.devicelink.protocol.Role;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.WebSessionStore;

/**
 * Who is signed in to the approval page in this browser: a random session id in an {@code HttpOnly}, {@code Secure},
 * {@code SameSite=Lax} cookie, kept on the server as its keyed hash (any node finds it), for {@link #LIFETIME}. Each
 * session's CSRF token is derived from its id, so it needs no storage and is worth nothing in another session.
 */
public final class WebSessions {

    static final String COOKIE = "__Host-devicelink-session";
    /** Long enough to link a few devices (a code lives 10 minutes), short enough that a forgotten browser soon forgets. */
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int MAX_COOKIE_LENGTH = 64;

    private final WebSessionStore store;
    private final Predicate<Account> stillSignedIn;
    private final KeyedHash hash;
    private final Clock clock;
    private final SecureRandom random;

    /** A signed-in browser: its account, and the token every form it posts must carry. */
    record Session(String id, Account account, String csrf) {}

    /** @param stillSignedIn whether the sign-in a session was made from still stands: it ends the session with it */
    public WebSessions(WebSessionStore store, Predicate<Account> stillSignedIn, KeyedHash hash, Clock clock, SecureRandom random) {
        this.store = store;
        this.stillSignedIn = stillSignedIn;
        this.hash = hash;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Signs this browser in as {@code account}: a new session id (never one the browser had before, whose {@code old}
     * session ends), in its cookie.
     */
    Session start(Context ctx, Optional<Session> old, Account account) {
        old.ifPresent(session -> store.delete(hash.of(KeyedHash.Kind.WEB_SESSION, session.id())));
        String id = KeyedHash.newToken(random);
        var now = clock.instant();
        store.insert(hash.of(KeyedHash.Kind.WEB_SESSION, id), account.id(), account.displayName(),
                account.roles().stream().map(Role::wire).sorted().collect(Collectors.joining(" ")), account.signIn(), now,
                        now.plus(LIFETIME));
        ctx.cookie(cookie(id, (int) LIFETIME.toSeconds()));
        return session(id, account);
    }

    /** The session this browser's cookie names, while it lasts and its sign-in stands. */
    Optional<Session> current(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isEmpty() || id.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        return store.find(hash.of(KeyedHash.Kind.WEB_SESSION, id), clock.instant()).map(row -> session(id, new Account(row.accountId(),
                row.issuer(), row.subject(), row.displayName(), Arrays.stream(row.roles().split(" ")).map(Role::fromWire)
                        .flatMap(Optional::stream).collect(Collectors.toSet()), row.familyId(), row.signIn())))
                                .filter(s -> stillSignedIn.test(s.account()));
    }

    /** Whether a posted form carries this session's token: a form from another site, page or session does not. */
    static boolean formOf(Session session, String postedToken) {
        return postedToken != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                postedToken.getBytes(StandardCharsets.US_ASCII));
    }

    /** Signs out: the session ends on the server, and the cookie is cleared. */
    void end(Context ctx, Session session) {
        store.delete(hash.of(KeyedHash.Kind.WEB_SESSION, session.id()));
        ctx.cookie(cookie("", 0));
    }

    private Session session(String id, Account account) {
        return new Session(id, account, hash.of(KeyedHash.Kind.WEB_CSRF, id));
    }

    /** Lax, not Strict: the browser comes back from the identity provider (another site, in production) by a top-level GET. */
    static Cookie cookie(String value, int maxAge) {
        return new Cookie(COOKIE, value, "/", maxAge, true, true, null, SameSite.LAX);
    }
}
