package org.devicelink.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.Problem;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.ProtocolJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a document the caller can act on: RFC 6749 error JSON on the OAuth endpoints (what device
 * clients parse), RFC 9457 problem documents everywhere else. Nothing leaks a stack trace.
 */
public final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
    private static final String OAUTH_PATHS = "/oauth2/";

    private HttpErrors() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
        routes.exception(OAuthProblem.class, (e, ctx) -> oauthError(ctx, e.status(), e.body()));
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
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            failure(ctx, ProblemType.SERVER_ERROR, Messages.get("problem.server-error"));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                failure(ctx, ProblemType.NOT_FOUND, Messages.get("problem.not-found.path", truncated(ctx.path())));
            }
        });
    }

    /** A failure on any path, in the format that path speaks. */
    private static void failure(Context ctx, ProblemType type, String detail) {
        if (ctx.path().startsWith(OAUTH_PATHS)) {
            String error = type == ProblemType.SERVER_ERROR ? "server_error" : OAuthError.INVALID_REQUEST;
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
            ctx.status(status).contentType(contentType).result(ProtocolJson.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncated(String path) {
        return path.length() > 80 ? path.substring(0, 80) + "…" : path;
    }
}
