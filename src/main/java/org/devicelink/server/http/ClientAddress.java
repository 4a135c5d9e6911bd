package org.devicelink.server.http;

import io.javalin.http.Context;

/**
 * The address a request came from. Behind our own TLS proxy ({@code trust-proxy=true}) that is the last address in
 * {@code X-Forwarded-For}, the one our proxy appended; otherwise the socket's peer. Never trusted from a client.
 */
public record ClientAddress(boolean trustProxy) {

    public String of(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank() && forwarded.length() < 1024) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
