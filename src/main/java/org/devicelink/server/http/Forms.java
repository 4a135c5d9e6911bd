package org.devicelink.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.devicelink.protocol.OAuthError;

/** Form-encoded requests of the OAuth endpoints (ours and the local provider's): the type, and single parameters. */
public final class Forms {

    private Forms() {}

    /** RFC 6749 §3.2: token requests are form-encoded; anything else is an {@code invalid_request}. */
    public static void requireForm(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Send the parameters as application/x-www-form-urlencoded.");
        }
    }

    /** RFC 6749 §3.1: a parameter sent twice is an error, not a choice. Null when absent. */
    public static String single(Context ctx, String name) {
        List<String> values = ctx.formParams(name);
        if (values.size() > 1) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Parameter " + name + " was sent more than once.");
        }
        return values.isEmpty() ? null : values.getFirst();
    }
}
