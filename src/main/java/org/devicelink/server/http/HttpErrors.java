package org.devicelink.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.Problem;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.ProtocolJson;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a document the caller can act on: RFC 6749 error JSON on the OAuth endpoints (what device
 * clients parse), RFC 9457 problem documents everywhere else. Nothing leaks a stack trace.
 */
public final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /** When each cause of an unexpected failure was last logged: a flood of one cause is one line a minute. */
    private static final Map<String, Long> LAST_LOGGED = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> SUPPRESSED = new ConcurrentHashMap<>();

    private HttpErrors() {}

    /** The paths that answer in RFC 6749 error JSON: ours for devices, and the local provider's token endpoint. */
    static boolean speaksOAuth(String path) {
        return path.startsWith("/oauth2/") || path.startsWith("/idp/oauth2/");
    }

    /** How long a client is asked to wait when the database is out of reach (a restart, a failover). */
    public static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(5);

    /** @param unavailable whether a failure means the database is out of reach for now (503, try again), not a fault */
    public static void register(RoutesConfig routes, Predicate<Throwable> unavailable) {
        routes.exception(ApiProblem.class, (e, ctx) -> {
            if (speaksOAuth(ctx.path())) {
                oauthError(ctx, e.type().status(), new OAuthError(OAuthError.INVALID_REQUEST, e.getMessage()));
            } else {
                problem(ctx, e);
            }
        });
        routes.exception(OAuthProblem.class, (e, ctx) -> answer(Headers.noStore(ctx), e));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            ProblemType type = switch (e.getStatus()) {
                case 413 -> ProblemType.REQUEST_TOO_LARGE;
                case 405 -> ProblemType.METHOD_NOT_ALLOWED;
                case 404 -> ProblemType.NOT_FOUND;
                case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                default -> e.getStatus() < 500 ? ProblemType.INVALID_REQUEST : ProblemType.SERVER_ERROR;
            };
            failure(ctx, type, type == ProblemType.INVALID_REQUEST ? e.getMessage() : Messages.get("problem." + type.slug()));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            // first: a refused database connection carries an IOException too
            if (unavailable.test(e)) {
                long seconds = RETRY_UNAVAILABLE.toSeconds();
                ctx.header("Retry-After", Long.toString(seconds));
                failure(ctx, ProblemType.UNAVAILABLE, Messages.get("problem.unavailable", Messages.waitText(RETRY_UNAVAILABLE)));
                return;
            }
            if (unreadableRequest(e)) {
                failure(ctx, ProblemType.INVALID_REQUEST, Messages.get("problem.invalid-request.unreadable"));
                return;
            }
            logAtMostEveryMinute(ctx, e);
            failure(ctx, ProblemType.SERVER_ERROR, Messages.get("problem.server-error"));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                failure(ctx, ProblemType.NOT_FOUND, Messages.get("problem.not-found.path", truncated(ctx.path())));
            }
        });
    }

    /**
     * An OAuth refusal as its JSON answer: from a route that has it in hand (a pending poll), or from the exception
     * handler, which first sets no-store again in case the route had asked for caching.
     */
    public static void answer(Context ctx, OAuthProblem e) {
        if (e.retryAfter() != null) {
            ctx.header("Retry-After", Long.toString(Messages.wholeSeconds(e.retryAfter())));
        }
        ctx.status(e.status()).contentType("application/json").result(e.json());
    }

    /** A failure on any path, in the format that path speaks. */
    private static void failure(Context ctx, ProblemType type, String detail) {
        if (speaksOAuth(ctx.path())) {
            String error = switch (type) {
                case SERVER_ERROR -> "server_error";
                case UNAVAILABLE -> "temporarily_unavailable";
                default -> OAuthError.INVALID_REQUEST;
            };
            oauthError(ctx, type.status(), new OAuthError(error, detail));
        } else {
            write(ctx, type.status(), ProblemType.MEDIA_TYPE, Problem.of(type, detail));
        }
    }

    private static void problem(Context ctx, ApiProblem e) {
        Problem body = Problem.of(e.type(), e.getMessage());
        if (e.retryAfter() != null) {
            long seconds = Messages.wholeSeconds(e.retryAfter());
            ctx.header("Retry-After", Long.toString(seconds));
            body = Problem.of(e.type(), e.getMessage(), seconds);
        }
        if (e.type() == ProblemType.UNAUTHENTICATED) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        write(ctx, e.type().status(), ProblemType.MEDIA_TYPE, body);
    }

    private static void oauthError(Context ctx, int status, OAuthError body) {
        write(ctx, status, "application/json", body);
    }

    private static void write(Context ctx, int status, String contentType, Object body) {
        Headers.noStore(ctx);
        try {
            // JSON is UTF-8 (RFC 8259); Jetty would encode a type it does not know, like application/problem+json, as Latin-1
            ctx.status(status).contentType(contentType).result(ProtocolJson.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body the client broke (a bad chunk, a cut-off stream): the client's failure, not the server's. */
    private static boolean unreadableRequest(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() < 500
                    || cause instanceof IOException && !(cause instanceof SQLException)) {
                return true;
            }
        }
        return false;
    }

    private static void logAtMostEveryMinute(Context ctx, Exception e) {
        StackTraceElement[] trace = e.getStackTrace();
        String cause = e.getClass().getName() + (trace.length > 0 ? "@" + trace[0] : "");
        long now = System.nanoTime();
        Long last = LAST_LOGGED.get(cause);
        if (last == null || now - last > LOG_EVERY.toNanos()) {
            LAST_LOGGED.put(cause, now);
            long suppressed = SUPPRESSED.computeIfAbsent(cause, c -> new LongAdder()).sumThenReset();
            LOG.error("Unexpected failure on {} {}{}", ctx.method(), ctx.path(),
                    suppressed > 0 ? " (and " + suppressed + " more like it in the last minute)" : "", e);
        } else {
            SUPPRESSED.computeIfAbsent(cause, c -> new LongAdder()).increment();
        }
    }

    private static String truncated(String path) {
        return path.length() > 80 ? path.substring(0, 80) + "…" : path;
    }
}
