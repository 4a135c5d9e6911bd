package org.devicelink.server.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.devicelink.server.issuer.LocalIssuer;

/** What the companion's loopback HTTP entrance admits: the pages a person's browser opens there, and nothing else. */
public final class BrowserEntrance {

    private BrowserEntrance() {}

    /**
     * The loopback entrance serves the pages a person's browser opens (the login page, the approval page) and nothing
     * else, and only under its own address as the Host: a web page that rebinds its name to 127.0.0.1 (DNS rebinding)
     * gets nothing from it.
     */
    public static void admit(Context ctx, String hostAndPort) {
        boolean page = LocalIssuer.AUTHORIZE.equals(ctx.path()) || ApprovalRoutes.serves(ctx.path());
        if (!page || !hostAndPort.equals(ctx.header("Host"))) {
            throw new NotFoundResponse();
        }
    }
}
