package org.devicelink.server.support;

import io.javalin.config.RoutesConfig;
import org.devicelink.protocol.SupportLookup;
import org.devicelink.server.accounts.ApiAccounts;
import org.devicelink.server.http.Bodies;

/**
 * Companion API for support staff and for every account's own history: {@code GET /api/v1/support/codes/{code}},
 * {@code POST /api/v1/support/accounts/{id}/devices} (with a reason), {@code GET /api/v1/activity[?member=all|<child id>]}.
 */
public final class SupportRoutes {

    private final SupportDesk desk;
    private final AccountActivity activity;

    public SupportRoutes(SupportDesk desk, AccountActivity activity) {
        this.desk = desk;
        this.activity = activity;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/support/codes/{code}", ctx -> ctx.json(desk.lookUpCode(ApiAccounts.of(ctx), ctx.pathParam("code"))));
        routes.post("/api/v1/support/accounts/{id}/devices", ctx -> ctx.json(desk.customerDevices(ApiAccounts.of(ctx),
                ctx.pathParam("id"), Bodies.read(ctx, SupportLookup.class, null))));
        routes.get("/api/v1/activity", ctx -> ctx.json(activity.list(ApiAccounts.of(ctx), ctx.queryParam("member"))));
    }
}
