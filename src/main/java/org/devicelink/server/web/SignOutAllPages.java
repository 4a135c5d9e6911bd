package org.devicelink.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.server.devices.LinkedDevices;

/**
 * {@code /link/sign-out-all}: the page's "Sign out of all devices", the companion's under Devices. It asks first,
 * naming how many devices, with Cancel as the form's first button (the one Enter presses).
 */
final class SignOutAllPages {

    static final String PATH = ApprovalPage.PATH + "/sign-out-all";

    private final LinkedDevices devices;

    SignOutAllPages(LinkedDevices devices) {
        this.devices = devices;
    }

    void ask(Context ctx, Optional<WebSessions.Session> session) {
        var page = new ApprovalPage(ctx, session, "devices.sign-out-all.title");
        if (session.isEmpty()) {
            page.signIn(null);
            page.render(401);
            return;
        }
        var me = session.get().account();
        long linked = devices.list(me, ApproveRequest.ME).stream()
                .filter(d -> d.status() == DeviceStatus.ACTIVE && me.id().equals(d.accountId())).count();
        if (linked == 0) {
            page.message(Messages.get("web.sign-out-all.none"), false);
        } else {
            page.signOutAll(linked);
        }
        page.render(200);
    }

    void signOut(Context ctx, WebSessions.Session session) {
        var page = new ApprovalPage(ctx, Optional.of(session), "devices.sign-out-all.title");
        if (!"sign-out-all".equals(ctx.formParam("action"))) {
            ctx.redirect(ApprovalPage.PATH, HttpStatus.SEE_OTHER); // Cancel
            return;
        }
        int signedOut = devices.signOutEverywhere(session.account(), ApproveRequest.ME);
        page.message(Messages.get("devices.sign-out-all.done", signedOut), false);
        page.render(200);
    }
}
