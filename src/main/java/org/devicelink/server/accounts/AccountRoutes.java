package org.devicelink.server.accounts;

import io.javalin.config.RoutesConfig;
import org.devicelink.protocol.LinkingSetting;
import org.devicelink.protocol.Me;
import org.devicelink.server.http.Bodies;

/**
 * The signed-in account's side of the API: every {@code /api/*} call's bearer token checked once, {@code GET /api/v1/me}
 * the change stream {@code GET /api/v1/events}, and the account's linking setting {@code GET|PUT /api/v1/settings/linking}
 * ({@code ?member=} a child's id, for a parent).
 */
public final class AccountRoutes {

    private final BearerTokens tokens;
    private final ChangeStream changeStream;
    private final Accounts accounts;

    public AccountRoutes(BearerTokens tokens, ChangeStream changeStream, Accounts accounts) {
        this.tokens = tokens;
        this.changeStream = changeStream;
        this.accounts = accounts;
    }

    public static final String LINKING = "/api/v1/settings/linking";

    public void register(RoutesConfig routes) {
        routes.before("/api/*", ctx -> ApiAccounts.authenticate(ctx, tokens));
        routes.get("/api/v1/me", ctx -> { // what the companion may show: the server decides anyway
            Account me = ApiAccounts.of(ctx);
            ctx.json(new Me(me.id(), me.displayName(), me.roles().stream().sorted().toList()));
        });
        routes.get(ChangeStream.PATH, changeStream::open);
        routes.get(LINKING, ctx -> ctx.json(accounts.linking(ApiAccounts.of(ctx), ctx.queryParam("member"))));
        routes.put(LINKING, ctx -> ctx.json(accounts.setLinking(ApiAccounts.of(ctx), ctx.queryParam("member"),
                Bodies.read(ctx, LinkingSetting.class, null))));
    }
}
