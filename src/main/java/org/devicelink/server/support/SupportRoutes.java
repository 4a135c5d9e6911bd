package org.devicelink.server.support;

import io.javalin.config.RoutesConfig;
import org.devicelink.protocol.SupportLookup;
import org.devicelink.server.accounts.ApiAccounts;
import org.devicelink.server.http.Bodies;

/**
 * Companion API for support staff: {@code GET /api/v1/support/codes/{code}} and
 * {@code POST /api/v1/support/accounts/{id}/devices} (with a reason).
 */
public final class SupportRoutes {

    private final SupportDesk desk;

    public SupportRoutes(SupportDesk desk) {
        this.desk = desk;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/support/codes/{code}", ctx -> ctx.json(desk.lookUpCode(ApiAccounts.of(ctx), ctx.pathParam("code"))));
        routes.post("/api/v1/support/accounts/{id}/devices", ctx -> ctx.json(desk.customerDevices(ApiAccounts.of(ctx),
                ctx.pathParam("id"), Bodies.read(ctx, SupportLookup.class, null))));
    }
}
