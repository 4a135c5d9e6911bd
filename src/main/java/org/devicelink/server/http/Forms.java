package org.devicelink.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Map<String, List<String>> params = ctx.attribute(PARSED);
        if (params == null) {
            params = parse(body(ctx));
            ctx.attribute(PARSED, params);
        }
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Parameter " + name + " was sent more than once.");
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    /** What the handler read of {@code name}, if it parsed the form at all (the first value); null otherwise. */
    public static String alreadyRead(Context ctx, String name) {
        Map<String, List<String>> params = ctx.attribute(PARSED);
        List<String> values = params == null ? List.of() : params.getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.getFirst();
    }

    private static final String PARSED = Forms.class.getName();

    /**
     * The body, in one read when its length is given and within bounds. Javalin's own reading reads once more to find
     * the end, and each of Jetty's reads takes a lock and checks the body's pace: on the token endpoint that second read
     * was a tenth of a poll's cost. Routes that read a form read it only through here, as the stream is then spent.
     */
    private static String body(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length < 0 || length > Requests.MAX_BODY_BYTES) {
            return ctx.body(); // chunked, or too long: Javalin's reading, with its 413
        }
        try {
            return new String(ctx.req().getInputStream().readNBytes((int) length), StandardCharsets.UTF_8); // a form is ASCII
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body's parameters, read once per request. Ours rather than the framework's: the token endpoint reads a form
     * tens of thousands of times a second, and a few lines of splitting cost a fraction of the general parser.
     */
    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> params = new HashMap<>(8);
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = body.length();
            }
            if (end > start) {
                int equals = body.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                String name = decode(body, start, hasValue ? equals : end);
                String value = hasValue ? decode(body, equals + 1, end) : "";
                params.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return params;
    }

    private static String decode(String body, int from, int to) {
        String part = body.substring(from, to);
        if (part.indexOf('%') < 0 && part.indexOf('+') < 0) {
            return part;
        }
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "The form has a broken %-escape: send it URL-encoded.");
        }
    }
}
