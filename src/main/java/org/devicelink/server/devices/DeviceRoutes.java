package org.devicelink.server.devices;

import io.javalin.config.RoutesConfig;
import org.devicelink.protocol.RenameRequest;
import org.devicelink.protocol.SignedOut;
import org.devicelink.server.accounts.ApiAccounts;
import org.devicelink.server.http.Bodies;

/**
 * Companion API for linked devices: {@code GET /api/v1/devices[?member=all|<child id>]},
 * {@code PATCH|DELETE /api/v1/devices/{id}}, {@code POST /api/v1/devices/sign-out-all[?member=<child id>]}.
 */
public final class DeviceRoutes {

    public static final String SIGN_OUT_ALL = "/api/v1/devices/sign-out-all";

    private final LinkedDevices devices;

    public DeviceRoutes(LinkedDevices devices) {
        this.devices = devices;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/devices", ctx -> ctx.json(devices.list(ApiAccounts.of(ctx), ctx.queryParam("member"))));
        routes.patch("/api/v1/devices/{id}", ctx ->
                ctx.json(devices.rename(ApiAccounts.of(ctx), ctx.pathParam("id"), Bodies.read(ctx, RenameRequest.class, null))));
        routes.delete("/api/v1/devices/{id}", ctx -> ctx.json(devices.unlink(ApiAccounts.of(ctx), ctx.pathParam("id"))));
        routes.post(SIGN_OUT_ALL, ctx -> ctx.json(new SignedOut(devices.signOutEverywhere(ApiAccounts.of(ctx), ctx.queryParam("member")))));
    }
}
