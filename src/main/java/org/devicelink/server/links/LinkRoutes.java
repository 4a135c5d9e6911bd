package org.devicelink.server.links;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.DenyRequest;
import org.devicelink.server.accounts.ApiAccounts;
import org.devicelink.server.http.Bodies;
import org.devicelink.server.http.ClientAddress;
import org.devicelink.server.http.CodeInput;
import org.devicelink.server.notices.Notices;

/**
 * Companion API for pending links, {@code /api/v1/links/{code}}, {@code …/approve}, {@code …/deny}; and for the
 * family's side of children's approvals, {@code /api/v1/family/members}, {@code /api/v1/family/requests[/{id}[/approve|/deny]]}.
 */
public final class LinkRoutes {

    private final PendingLinks links;
    private final FamilyRequests family;
    private final ClientAddress clientAddress;

    public LinkRoutes(PendingLinks links, FamilyRequests family, ClientAddress clientAddress) {
        this.links = links;
        this.family = family;
        this.clientAddress = clientAddress;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/links/{code}", ctx -> ctx.json(links.lookup(code(ctx), approver(ctx))));
        routes.post("/api/v1/links/{code}/approve", ctx -> {
            var request = Bodies.read(ctx, ApproveRequest.class, new ApproveRequest(ApproveRequest.ME));
            switch (links.approve(code(ctx), request, approver(ctx))) {
                case PendingLinks.Approval.Linked linked -> ctx.json(linked.device());
                case PendingLinks.Approval.AwaitingParent waiting -> ctx.status(202).json(waiting.request());
            }
        });
        routes.post("/api/v1/links/{code}/deny", ctx -> {
            var request = Bodies.read(ctx, DenyRequest.class, new DenyRequest(false));
            links.deny(code(ctx), request.report(), approver(ctx));
            ctx.status(204);
        });

        routes.get("/api/v1/family/members", ctx -> ctx.json(family.members(ApiAccounts.of(ctx))));
        routes.get("/api/v1/family/requests", ctx -> ctx.json(family.waiting(ApiAccounts.of(ctx))));
        routes.get("/api/v1/family/requests/{id}", ctx -> ctx.json(family.status(ApiAccounts.of(ctx), ctx.pathParam("id"))));
        routes.post("/api/v1/family/requests/{id}/approve", ctx -> ctx.json(family.approve(ApiAccounts.of(ctx), ctx.pathParam("id"))));
        routes.post("/api/v1/family/requests/{id}/deny", ctx -> {
            var request = Bodies.read(ctx, DenyRequest.class, new DenyRequest(false));
            family.deny(ApiAccounts.of(ctx), ctx.pathParam("id"), request.report());
            ctx.status(204);
        });
    }

    private static UserCode code(Context ctx) {
        return CodeInput.parse(ctx.pathParam("code"));
    }

    private PendingLinks.Approver approver(Context ctx) {
        return new PendingLinks.Approver(ApiAccounts.of(ctx), clientAddress.of(ctx), Notices.How.APP);
    }
}
