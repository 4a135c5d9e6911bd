package org.devicelink.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.Problem;
import org.devicelink.protocol.ProblemType;
import org.devicelink.server.accounts.BearerTokens;
import org.devicelink.server.oauth.OAuthProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a document the caller can act on: RFC 6749 error JSON on the OAuth endpoints (what device
 * clients parse), RFC 9457 problem documents everywhere else. Nothing leaks a stack trace.
 */
public final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e.type(), e.getMessage(), e.retryAfterSeconds()));
        routes.exception(OAuthProblem.class, (e, ctx) -> oauthError(ctx, e.status(), e.body()));
        routes.exception(BearerTokens.Unauthenticated.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            problem(ctx, ProblemType.UNAUTHENTICATED, e.getMessage(), null);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            ProblemType type = switch (e.getStatus()) {
                case 413 -> ProblemType.REQUEST_TOO_LARGE;
                case 405 -> ProblemType.METHOD_NOT_ALLOWED;
                case 404 -> ProblemType.NOT_FOUND;
                case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                default -> e.getStatus() < 500 ? ProblemType.INVALID_REQUEST : ProblemType.SERVER_ERROR;
            };
            String detail = type == ProblemType.REQUEST_TOO_LARGE ? "The request body is larger than this server accepts." : e.getMessage();
            failure(ctx, type, detail);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            failure(ctx, ProblemType.SERVER_ERROR, "The server failed on this request. Try again; if it keeps failing, tell the operator.");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                failure(ctx, ProblemType.NOT_FOUND, "There is nothing at " + truncated(ctx.path()) + ".");
            }
        });
    }

    /** A failure on any path, in the format that path speaks. */
    private static void failure(Context ctx, ProblemType type, String detail) {
        if (ctx.path().startsWith("/oauth2/")) {
            String error = type == ProblemType.SERVER_ERROR ? "server_error" : OAuthError.INVALID_REQUEST;
            oauthError(ctx, type.status(), new OAuthError(error, detail));
        } else {
            problem(ctx, type, detail, null);
        }
    }

    public static void problem(Context ctx, ProblemType type, String detail, Long retryAfterSeconds) {
        if (retryAfterSeconds != null) {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        Problem body = retryAfterSeconds == null ? Problem.of(type, detail) : Problem.of(type, detail, retryAfterSeconds);
        ctx.status(type.status()).contentType(ProblemType.MEDIA_TYPE).result(write(body));
    }

    private static void oauthError(Context ctx, int status, OAuthError body) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json").result(write(body));
    }

    private static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncated(String path) {
        return path.length() > 80 ? path.substring(0, 80) + "…" : path;
    }
}
