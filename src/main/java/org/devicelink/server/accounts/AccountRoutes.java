package org.devicelink.server.accounts;

import io.javalin.config.RoutesConfig;
import org.devicelink.protocol.Me;

/**
 * The signed-in account's side of the API: every {@code /api/*} call's bearer token checked once, {@code GET /api/v1/me}
 * and the change stream {@code GET /api/v1/events}.
 */
public final class AccountRoutes {

    private final BearerTokens tokens;
    private final ChangeStream changeStream;

    public AccountRoutes(BearerTokens tokens, ChangeStream changeStream) {
        this.tokens = tokens;
        this.changeStream = changeStream;
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/*", ctx -> ApiAccounts.authenticate(ctx, tokens));
        routes.get("/api/v1/me", ctx -> { // what the companion may show: the server decides anyway
            Account me = ApiAccounts.of(ctx);
            ctx.json(new Me(me.id(), me.displayName(), me.roles().stream().sorted().toList()));
        });
        routes.get(ChangeStream.PATH, changeStream::open);
    }
}
