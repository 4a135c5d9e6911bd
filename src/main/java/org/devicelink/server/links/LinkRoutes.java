package org.devicelink.server.links;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.DenyRequest;
import org.devicelink.server.accounts.ApiAccounts;
import org.devicelink.server.http.Bodies;
import org.devicelink.server.http.ClientAddress;

/** Companion API for pending links: {@code /api/v1/links/{code}}, {@code …/approve}, {@code …/deny}. */
public final class LinkRoutes {

    private final PendingLinks links;
    private final ClientAddress clientAddress;

    public LinkRoutes(PendingLinks links, ClientAddress clientAddress) {
        this.links = links;
        this.clientAddress = clientAddress;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/links/{code}", ctx -> ctx.json(links.lookup(ctx.pathParam("code"), approver(ctx))));
        routes.post("/api/v1/links/{code}/approve", ctx -> {
            var request = Bodies.read(ctx, ApproveRequest.class, new ApproveRequest(ApproveRequest.ME));
            ctx.json(links.approve(ctx.pathParam("code"), request, approver(ctx)));
        });
        routes.post("/api/v1/links/{code}/deny", ctx -> {
            var request = Bodies.read(ctx, DenyRequest.class, new DenyRequest(false));
            links.deny(ctx.pathParam("code"), request.report(), approver(ctx));
            ctx.status(204);
        });
    }

    private PendingLinks.Approver approver(Context ctx) {
        return new PendingLinks.Approver(ApiAccounts.of(ctx), clientAddress.of(ctx));
    }
}
