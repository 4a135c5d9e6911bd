package org.devicelink.server.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.links.FamilyRequests;
import org.devicelink.wording.LinkWording;

/**
 * {@code /link/requests/{id}}: a child's request, as the child who made it follows it (the page checks again every few
 * seconds) and as a parent decides it, the same decision as under Requests in the app.
 */
final class ChildRequestPages {

    /** The waiting page's script reads it again this often. */
    private static final int WAITING_CHECK_SECONDS = 5;

    private final FamilyRequests family;
    private final Clock clock;

    ChildRequestPages(FamilyRequests family, Clock clock) {
        this.family = family;
        this.clock = clock;
    }

    void show(Context ctx, Optional<WebSessions.Session> session) {
        var page = new ApprovalPage(ctx, session, "web.title");
        if (session.isEmpty()) {
            page.signIn(null);
            page.render(401);
            return;
        }
        try {
            FamilyRequest request = family.status(session.get().account(), ctx.pathParam("id"));
            String device = LinkWording.shownName(request);
            boolean asker = request.childId().equals(session.get().account().id());
            if (FamilyRequest.AWAITING_PARENT.equals(request.status())) {
                if (asker) {
                    page.checkEvery(WAITING_CHECK_SECONDS);
                    page.outcome(LinkWording.awaitingParent(device, true));
                } else {
                    page.decideForChild(request, clock.instant());
                }
            } else {
                page.outcome(LinkWording.parentDecided(request.status(), device));
            }
            page.render(200);
        } catch (ApiProblem problem) {
            page.failure(problem.getMessage());
            page.render(problem);
        }
    }

    /** A parent's decision on a child's request. */
    void decide(Context ctx, WebSessions.Session session) {
        Account parent = session.account();
        String id = ctx.pathParam("id");
        var page = new ApprovalPage(ctx, Optional.of(session), "web.title");
        try {
            if ("approve".equals(ctx.formParam("action"))) {
                page.outcome(LinkWording.decidedForChild(family.approve(parent, id)));
            } else {
                family.deny(parent, id, false);
                page.outcome(LinkWording.decidedForChild(null));
            }
            page.render(200);
        } catch (ApiProblem problem) {
            page.failure(problem.getMessage());
            page.render(problem);
        }
    }
}
