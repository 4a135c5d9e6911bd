package org.devicelink.server.activity;

import io.javalin.config.RoutesConfig;
import org.devicelink.server.accounts.ApiAccounts;

/** Companion API for every account's own history: {@code GET /api/v1/activity[?member=all|<child id>]}. */
public final class ActivityRoutes {

    private final AccountActivity activity;

    public ActivityRoutes(AccountActivity activity) {
        this.activity = activity;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/activity", ctx -> ctx.json(activity.list(ApiAccounts.of(ctx), ctx.queryParam("member"))));
    }
}
