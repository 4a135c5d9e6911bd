package org.devicelink.server.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.devicelink.protocol.Me;

/** Every {@code /api/*} call carries a bearer token; this checks it once and hands handlers the account. */
public final class ApiAccounts {

    private static final String ATTRIBUTE = "devicelink.account";

    private ApiAccounts() {}

    public static void register(RoutesConfig routes, BearerTokens tokens) {
        routes.before("/api/*", ctx -> ctx.attribute(ATTRIBUTE, tokens.authenticate(ctx.header("Authorization"))));
        routes.get("/api/v1/me", ctx -> { // what the companion may show: the server decides anyway
            Account me = of(ctx);
            ctx.json(new Me(me.id(), me.displayName(), me.roles().stream().sorted().toList()));
        });
    }

    public static Account of(Context ctx) {
        Account account = ctx.attribute(ATTRIBUTE);
        if (account == null) {
            throw new IllegalStateException("an /api route ran without the bearer-token check");
        }
        return account;
    }
}
