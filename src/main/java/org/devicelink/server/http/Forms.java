package org.devicelink.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.devicelink.protocol.OAuthError;

/** Form-encoded requests of the OAuth endpoints (ours and the local provider's): the type, and single parameters. */
public final class Forms {

    private Forms() {}

    /**
     * A request's form: its body, and where each name and value lies in it. A value becomes a string only when it is
     * asked for, and a plain name is compared as it was sent: the token endpoint reads a form tens of thousands of times a
     * second, and a map of lists of strings cost each pending poll about 5 µs of its 80 (server CPU).
     */
    public static final class Form {
        private final byte[] body;
        /** Per parameter, three offsets into the body: where it starts, its {@code =} (its end if it has none), its end. */
        private final int[] bounds;
        private final int count;
        /** The names sent with an escape or beyond ASCII, decoded; null where a name's bytes are its text. */
        private final String[] escapedNames;
        private String[] values; // as they are asked for; one request's thread reads its form

        private Form(byte[] body, int[] bounds, int count, String[] escapedNames) {
            this.body = body;
            this.bounds = bounds;
            this.count = count;
            this.escapedNames = escapedNames;
        }

        /** RFC 6749 §3.1: a parameter sent twice is an error, not a choice. Null when absent. */
        public String single(String name) {
            int found = -1;
            for (int i = 0; i < count; i++) {
                if (named(i, name)) {
                    if (found >= 0) {
                        throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Parameter " + name + " was sent more than once.");
                    }
                    found = i;
                }
            }
            return found < 0 ? null : value(found);
        }

        /** The first value of {@code name}; null when absent. */
        String first(String name) {
            for (int i = 0; i < count; i++) {
                if (named(i, name)) {
                    return value(i);
                }
            }
            return null;
        }

        /** Every parameter with its values, in the order sent. */
        Map<String, List<String>> all() {
            Map<String, List<String>> all = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                all.computeIfAbsent(decode(body, bounds[3 * i], bounds[3 * i + 1]), n -> new ArrayList<>(1)).add(value(i));
            }
            return all;
        }

        private boolean named(int i, String name) {
            if (escapedNames != null && escapedNames[i] != null) {
                return escapedNames[i].equals(name);
            }
            int from = bounds[3 * i];
            if (bounds[3 * i + 1] - from != name.length()) {
                return false;
            }
            for (int j = 0; j < name.length(); j++) {
                if (body[from + j] != name.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        /** Decoded once: the handler and the request's metrics both read the grant type. */
        private String value(int i) {
            if (values == null) {
                values = new String[count];
            }
            if (values[i] == null) {
                int equals = bounds[3 * i + 1];
                int end = bounds[3 * i + 2];
                values[i] = equals < end ? decode(body, equals + 1, end) : "";
            }
            return values[i];
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
        Form form = parse(body(ctx));
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
     * The body's parameters. Ours rather than the framework's, and lazier: splitting the bytes costs a fraction of the
     * general parser and of {@link java.net.URLDecoder}. Every escape is checked here, so that a broken one is refused
     * whether or not its parameter is read.
     */
    static Form parse(byte[] body) {
        int[] bounds = new int[3 * (count(body, '&') + 1)];
        String[] escapedNames = null;
        int count = 0;
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, '&', start, body.length);
            if (end > start) {
                checkEscapes(body, start, end);
                int equals = indexOf(body, '=', start, end);
                if (!plain(body, start, equals)) {
                    escapedNames = escapedNames == null ? new String[bounds.length / 3] : escapedNames;
                    escapedNames[count] = decode(body, start, equals);
                }
                bounds[3 * count] = start;
                bounds[3 * count + 1] = equals;
                bounds[3 * count + 2] = end;
                count++;
            }
            start = end + 1;
        }
        return new Form(body, bounds, count, escapedNames);
    }

    private static int count(byte[] body, char b) {
        int count = 0;
        for (byte each : body) {
            if (each == b) {
                count++;
            }
        }
        return count;
    }

    private static void checkEscapes(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == '%') {
                if (i + 2 >= to || hex(body[i + 1]) < 0 || hex(body[i + 2]) < 0) {
                    throw new OAuthProblem(OAuthError.INVALID_REQUEST, "The form has a broken %-escape: send it URL-encoded.");
                }
                i += 2;
            }
        }
    }

    /** Whether these bytes are their own text: ASCII, no escape, no plus. */
    private static boolean plain(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == '%' || body[i] == '+' || body[i] < 0) {
                return false;
            }
        }
        return true;
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

    /** One name or value, its escapes checked: {@code +} is a space, {@code %XX} a byte, and the bytes are UTF-8 (HTML's form encoding). */
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
                b = (byte) (hex(body[i + 1]) << 4 | hex(body[i + 2])); // checked by parse
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
