package org.devicelink.server.http;

import io.javalin.http.Context;
import java.time.Duration;

/** The response headers that are policy rather than content: caching, and the protections of pages people see. */
public final class Headers {

    private Headers() {}

    /** The default for every answer: tokens, codes and accounts never belong in a cache. */
    public static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    /**
     * What every answer carries: no caching (unless a route says otherwise), no type sniffing, and over TLS, HSTS,
     * so that a browser that has been here once never comes back over plain HTTP.
     */
    public static void everyAnswer(Context ctx, boolean overTls) {
        noStore(ctx);
        ctx.header("X-Content-Type-Options", "nosniff");
        if (overTls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** For public documents that change seldom (metadata, keys). */
    public static Context cacheFor(Context ctx, Duration age) {
        ctx.res().setHeader("Pragma", null);
        return ctx.header("Cache-Control", "public, max-age=" + age.toSeconds());
    }

    /**
     * For an HTML page a person sees: nothing loads but what {@code policy} adds to {@code default-src 'none'}, no site
     * may frame it, no referrer leaks a code, and no browser second-guesses its type.
     */
    public static Context page(Context ctx, String policy) {
        return ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
                        + "base-uri 'none'; " + policy)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
