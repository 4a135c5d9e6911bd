package org.devicelink.server.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Optional;
import org.devicelink.i18n.Messages;
import org.devicelink.server.devices.LinkedDevices;
import org.devicelink.server.notices.Notices;
import org.devicelink.server.notices.UnwantedLinks;
import org.devicelink.server.store.UnwantedLinkStore;

/**
 * {@code /link/unwanted}: where a new-link email's "This wasn't me" leads. The link is kept across the sign-in this
 * page asks for, so a forwarded email is of no use to anyone but the account it was sent to; signed in, the owner sees
 * the device and unlinks it, or signs out of every device. Either spends the link.
 */
final class UnwantedPages {

    static final String PATH = Notices.UNWANTED_PATH;
    static final String COOKIE = "__Host-devicelink-unwanted";
    private static final Duration KEPT = Duration.ofMinutes(15);

    private final UnwantedLinks links;
    private final LinkedDevices devices;

    UnwantedPages(UnwantedLinks links, LinkedDevices devices) {
        this.links = links;
        this.devices = devices;
    }

    /** Whether this browser is on its way to the page through a sign-in. */
    static boolean pending(Context ctx) {
        return ctx.cookie(COOKIE) != null;
    }

    void show(Context ctx, Optional<WebSessions.Session> session) {
        String given = ctx.queryParam("n");
        if (given != null) { // kept for the sign-in, and out of the address bar before anything is shown
            ctx.cookie(new Cookie(COOKIE, given.length() > 100 ? "" : given, "/", (int) KEPT.toSeconds(), true, true, null, SameSite.LAX));
            ctx.redirect(PATH, HttpStatus.SEE_OTHER);
            return;
        }
        var page = new ApprovalPage(ctx, session, "web.unwanted.title");
        var link = links.find(ctx.cookie(COOKIE));
        if (link.isEmpty()) {
            forget(ctx);
            page.message(Messages.get("web.unwanted.invalid"), false);
            page.render(404);
            return;
        }
        if (session.isEmpty()) {
            page.signIn(null);
            page.error(Messages.get("web.unwanted.sign-in"));
            page.render(200);
            return;
        }
        var refused = refusal(link.get(), session.get());
        var device = devices.list(session.get().account(), null).stream().filter(d -> d.id().equals(link.get().deviceId())).findFirst();
        if (refused != null || device.isEmpty()) {
            forget(ctx);
            refuse(page, refused != null ? refused : new Refusal("web.unwanted.invalid", 404));
            return;
        }
        page.unwanted(device.get());
        page.render(200);
    }

    void report(Context ctx, WebSessions.Session session) {
        var page = new ApprovalPage(ctx, Optional.of(session), "web.unwanted.title");
        var link = links.find(ctx.cookie(COOKIE));
        forget(ctx);
        if (link.isEmpty()) {
            page.message(Messages.get("web.unwanted.invalid"), false);
            page.render(404);
            return;
        }
        boolean everywhere = "everywhere".equals(ctx.formParam("action"));
        var done = devices.reportUnwanted(session.account(), link.get(), everywhere);
        if (done.isEmpty()) { // another account's, used (perhaps in another tab just now), or expired
            var refused = refusal(link.get(), session);
            refuse(page, refused != null ? refused : new Refusal("web.unwanted.used", 410));
            return;
        }
        page.message(everywhere ? Messages.get("web.unwanted.done.everywhere", done.get().deviceName(), done.get().signedOut())
                : Messages.get("web.unwanted.done.unlinked", done.get().deviceName()), false);
        page.render(200);
    }

    private record Refusal(String key, int status) {}

    /** Why this account cannot use the link now, or null when it can. */
    private Refusal refusal(UnwantedLinkStore.Row link, WebSessions.Session session) {
        if (!link.accountId().equals(session.account().id())) {
            return new Refusal("web.unwanted.not-yours", 403);
        }
        if (!links.usable(link)) {
            return new Refusal(link.usedAt() != null ? "web.unwanted.used" : "web.unwanted.expired", 410);
        }
        return null;
    }

    private static void refuse(ApprovalPage page, Refusal refusal) {
        page.message(Messages.get(refusal.key()), false);
        page.render(refusal.status());
    }

    private static void forget(Context ctx) {
        if (ctx.cookie(COOKIE) != null) {
            ctx.cookie(new Cookie(COOKIE, "", "/", 0, true, true, null, SameSite.LAX));
        }
    }
}
