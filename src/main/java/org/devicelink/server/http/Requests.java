package org.devicelink.server.http;

import io.javalin.http.Context;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import org.devicelink.protocol.ProblemType;

/** Checks every request meets before any handler reads it. */
public final class Requests {

    /** Bodies beyond this are refused with 413 before they are parsed: no call of ours needs more. */
    public static final long MAX_BODY_BYTES = 16 * 1024;

    private Requests() {}

    /**
     * A body in a character set this server cannot decode ({@code charset=bogus-42}, {@code charset=}) is refused with
     * a 415 before anything reads it, rather than failing inside the reading.
     */
    public static void checkCharset(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) {
            return;
        }
        for (String parameter : type.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).strip().replace("\"", "");
                if (!supported(name)) {
                    throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type.charset",
                            name.length() > 40 ? name.substring(0, 40) + "…" : name);
                }
            }
        }
    }

    private static boolean supported(String charset) {
        try {
            return !charset.isEmpty() && Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
