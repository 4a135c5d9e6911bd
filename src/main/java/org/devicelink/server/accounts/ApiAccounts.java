package org.devicelink.server.accounts;

import io.javalin.http.Context;

/** Every {@code /api/*} call carries a bearer token; this checks it once and hands handlers the account. */
public final class ApiAccounts {

    private static final String ATTRIBUTE = "devicelink.account";

    private ApiAccounts() {}

    /** Checks the call's bearer token once, for every handler after. */
    static void authenticate(Context ctx, BearerTokens tokens) {
        ctx.attribute(ATTRIBUTE, tokens.authenticate(ctx.header("Authorization")));
    }

    public static Account of(Context ctx) {
        Account account = ctx.attribute(ATTRIBUTE);
        if (account == null) {
            throw new IllegalStateException("an /api route ran without the bearer-token check");
        }
        return account;
    }
}
