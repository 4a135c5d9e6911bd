package org.devicelink.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** A request's form parameters, parsed once. */
    public record Form(Map<String, List<String>> params) {

        /** RFC 6749 §3.1: a parameter sent twice is an error, not a choice. Null when absent. */
        public String single(String name) {
            if (params.getOrDefault(name, List.of()).size() > 1) {
                throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Parameter " + name + " was sent more than once.");
            }
            return first(name);
        }

        /** The first value of {@code name}; null when absent. */
        String first(String name) {
            List<String> values = params.get(name);
            return values == null ? null : values.getFirst();
        }
    }

    /**
     * The request's form. RFC 6749 §3.2: token requests are form-encoded; anything else is an {@code invalid_request}.
     * The body is read here only, once: its stream is then spent.
     */
    public static Form read(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Send the parameters as application/x-www-form-urlencoded.");
        }
        Form form = new Form(parse(body(ctx)));
        ctx.attribute(PARSED, form);
        return form;
    }

    /** What the handler read of {@code name}, if it read the form at all (the first value); null otherwise. */
    public static String alreadyRead(Context ctx, String name) {
        Form form = ctx.attribute(PARSED);
        return form == null ? null : form.first(name);
    }

    private static final String PARSED = Forms.class.getName();

    /**
     * The body, in one read when its length is given and within bounds. Javalin's own reading reads once more to find
     * the end, and each of Jetty's reads takes a lock and checks the body's pace: on the token endpoint that second read
     * was a tenth of a poll's cost.
     */
    private static byte[] body(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length < 0 || length > Requests.MAX_BODY_BYTES) {
            return ctx.bodyAsBytes(); // chunked, or too long: Javalin's reading, with its 413
        }
        try {
            return ctx.req().getInputStream().readNBytes((int) length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body's parameters. Ours rather than the framework's: the token endpoint reads a form tens of thousands of
     * times a second, and splitting the bytes costs a fraction of the general parser and of {@link java.net.URLDecoder}.
     */
    static Map<String, List<String>> parse(byte[] body) {
        Map<String, List<String>> params = new HashMap<>(8);
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, '&', start, body.length);
            if (end > start) {
                int equals = indexOf(body, '=', start, end);
                String name = decode(body, start, equals);
                String value = equals < end ? decode(body, equals + 1, end) : "";
                params.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return params;
    }

    /** The first {@code b} in {@code [from, to)}, or {@code to}. */
    private static int indexOf(byte[] body, char b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return to;
    }

    /** One name or value: {@code +} is a space, {@code %XX} a byte, and the bytes are UTF-8 (HTML's form encoding). */
    private static String decode(byte[] body, int from, int to) {
        byte[] bytes = null;
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (bytes == null && b != '%' && b != '+') {
                continue; // nothing to decode yet: most names and values are plain
            }
            if (bytes == null) {
                bytes = new byte[to - from];
                length = i - from;
                System.arraycopy(body, from, bytes, 0, length);
            }
            if (b == '+') {
                b = ' ';
            } else if (b == '%') {
                int high = i + 2 < to ? hex(body[i + 1]) : -1;
                int low = high < 0 ? -1 : hex(body[i + 2]);
                if (low < 0) {
                    throw new OAuthProblem(OAuthError.INVALID_REQUEST, "The form has a broken %-escape: send it URL-encoded.");
                }
                b = (byte) (high << 4 | low);
                i += 2;
            }
            bytes[length++] = b;
        }
        return bytes == null ? new String(body, from, to - from, StandardCharsets.UTF_8)
                : new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }
}
