package org.devicelink.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.server.devices.LinkedDevices;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.ClientAddress;
import org.devicelink.server.http.CodeInput;
import org.devicelink.server.http.Headers;
import org.devicelink.server.links.FamilyRequests;
import org.devicelink.server.links.PendingLinks;
import org.devicelink.server.notices.Notices;
import org.devicelink.server.notices.UnwantedLinks;
import org.devicelink.wording.LinkWording;

/**
 * {@code /link}: approve a device from any browser, a phone that scanned the device's QR first. The page signs the
 * person in ({@link WebSignIn}), shows the same confirmation as the app and decides through the same services
 * ({@link PendingLinks}, {@link FamilyRequests}), so every rule, limit and sentence is the app's. It is plain HTML
 * forms (its script only counts down and explains typos at once), with a CSRF token in every form.
 *
 * <p>No code stays in an address: {@code /link?code=…} (the QR's) puts the code in a cookie and redirects to
 * {@code /link}; typed codes are posted.
 */
public final class ApprovalRoutes {

    public static final String PATH = ApprovalPage.PATH;
    /** Where the identity provider sends the browser back after sign-in. */
    public static final String CALLBACK = WebSignIn.CALLBACK;
    private static final String CODE_COOKIE = "__Host-devicelink-code";
    /** The QR's code is kept only across a sign-in, and given up when first shown: as long as a code lives by default. */
    private static final Duration CODE_KEPT = Duration.ofMinutes(10);
    private static final int MAX_FIELD = 128;
    /** The request's session, read once by the before-filter. */
    private static final String SESSION = "devicelink.web-session";
    private static final String SCRIPT = readScript();

    private final PendingLinks links;
    private final FamilyRequests family;
    private final WebSessions sessions;
    private final WebSignIn signIn;
    private final ChildRequestPages requests;
    private final UnwantedPages unwanted;
    private final SignOutAllPages signOutAll;
    private final ClientAddress clientAddress;
    private final Function<Context, String> origin;
    private final Clock clock;

    /**
     * @param origin the scheme, host and port this request reached (the server's, or its loopback browser entrance):
     *               sign-in returns there, so the browser's cookies are found again
     */
    public ApprovalRoutes(PendingLinks links, FamilyRequests family, UnwantedLinks unwanted, LinkedDevices devices, WebSessions sessions,
                          WebSignIn signIn, ClientAddress clientAddress, Function<Context, String> origin, Clock clock) {
        this.links = links;
        this.family = family;
        this.sessions = sessions;
        this.signIn = signIn;
        this.requests = new ChildRequestPages(family, clock);
        this.unwanted = new UnwantedPages(unwanted, devices);
        this.signOutAll = new SignOutAllPages(devices);
        this.clientAddress = clientAddress;
        this.origin = origin;
        this.clock = clock;
    }

    /**
     * Where the server trusts no local provider and the page has no sign-in of its own: it shows the QR's code and
     * sends the person to the DeviceLink app, where they are signed in.
     */
    public static void appOnly(RoutesConfig routes) {
        routes.get(PATH, ctx -> {
            String codeParameter = ctx.queryParam(VerificationLink.CODE_PARAMETER);
            var model = new HashMap<String, Object>();
            if (codeParameter != null && !codeParameter.isBlank()) {
                switch (UserCode.parse(codeParameter)) {
                    case UserCode.Parsed.Valid(UserCode code) -> {
                        model.put("code", code.display());
                        model.put("appLink", VerificationLink.appLink(code).toString());
                    }
                    case UserCode.Parsed.Invalid invalid -> model.put("warning", sentence(invalid));
                }
            }
            Headers.page(ctx, "form-action 'none'").render("link.mustache", model);
        });
    }

    /** Whether a path is one of this page's (the browser entrance serves them). */
    public static boolean serves(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    public void register(RoutesConfig routes) {
        Handler readSession = ctx -> ctx.attribute(SESSION, sessions.current(ctx));
        routes.before(PATH, readSession);
        routes.before(PATH + "/*", readSession);
        routes.get(PATH, this::show);
        routes.get(PATH + "/page.js", ctx -> Headers.cacheFor(ctx, Duration.ofMinutes(5)).contentType("text/javascript; charset=utf-8")
                .result(SCRIPT));
        routes.get(PATH + "/signin", this::signIn);
        routes.get(CALLBACK, this::signedIn);
        routes.post(PATH + "/code", ctx -> posted(ctx, this::typed));
        routes.post(PATH + "/decide", ctx -> posted(ctx, this::decide));
        routes.get(PATH + "/another", ctx -> {
            forgetCode(ctx);
            ctx.redirect(PATH, HttpStatus.SEE_OTHER);
        });
        routes.get(ApprovalPage.requestPath("{id}"), ctx -> requests.show(ctx, session(ctx)));
        routes.post(ApprovalPage.requestPath("{id}") + "/decide", ctx -> posted(ctx, requests::decide));
        routes.post(PATH + "/signout", ctx -> posted(ctx, this::signOut));
        routes.get(UnwantedPages.PATH, ctx -> unwanted.show(ctx, session(ctx)));
        routes.post(UnwantedPages.PATH, ctx -> posted(ctx, unwanted::report));
        routes.get(SignOutAllPages.PATH, ctx -> signOutAll.ask(ctx, session(ctx)));
        routes.post(SignOutAllPages.PATH, ctx -> posted(ctx, signOutAll::signOut));
    }

    private void show(Context ctx) {
        String fromLink = ctx.queryParam(VerificationLink.CODE_PARAMETER);
        if (fromLink != null) {
            fromLink(ctx, fromLink);
            return;
        }
        var session = session(ctx);
        Optional<UserCode> kept = Optional.ofNullable(ctx.cookie(CODE_COOKIE)).flatMap(UserCode::tryParse);
        var page = new ApprovalPage(ctx, session, "web.title");
        if (session.isEmpty()) {
            page.signIn(kept.orElse(null));
            page.render(200);
            return;
        }
        if (kept.isEmpty()) {
            page.codeForm("", null);
            if (session.get().account().isParent()) {
                page.waiting(family.waiting(session.get().account()));
            }
            page.render(200);
            return;
        }
        forgetCode(ctx); // shown once, to this visit: from here on the code lives only in this page's forms
        try {
            var account = session.get().account();
            List<FamilyMember> members = account.isParent() ? family.members(account) : List.of();
            page.confirm(links.lookup(kept.get(), approver(ctx, session.get())), members, clock.instant());
            page.render(200);
        } catch (ApiProblem problem) {
            page.codeForm(kept.get().display(), problem.getMessage());
            page.render(problem);
        }
    }

    /**
     * A code in the address. Scanned from the person's own device, the address is opened directly (the browser says
     * {@code Sec-Fetch-Site: none}): the code is kept for this visit and, once signed in, shown ready to approve.
     * Opened by anything else (another site's link or pop-up, another app), it may be an attacker's code planted for
     * later (RFC 10027's device-code phishing): it is offered for one explicit check, and never kept, looked up or
     * counted as a wrong code against the person.
     */
    private void fromLink(Context ctx, String input) {
        var session = session(ctx);
        switch (UserCode.parse(input)) {
            case UserCode.Parsed.Valid(UserCode code) when openedDirectly(ctx) -> {
                keepCode(ctx, code);
                ctx.redirect(PATH, HttpStatus.SEE_OTHER); // before anything is shown, the code leaves the address
            }
            case UserCode.Parsed.Valid(UserCode code) -> {
                var page = new ApprovalPage(ctx, session, session.isPresent() ? "web.check.title" : "web.title");
                if (session.isPresent()) {
                    page.checkCode(code);
                } else {
                    page.signIn(null);
                }
                page.render(200);
            }
            case UserCode.Parsed.Invalid invalid -> {
                var page = new ApprovalPage(ctx, session, "web.title");
                if (session.isPresent()) {
                    page.codeForm(bounded(input), sentence(invalid));
                } else {
                    page.signIn(null);
                    page.error(sentence(invalid));
                }
                page.render(400);
            }
        }
    }

    /** Whether the person opened this address themselves (typed, scanned, a bookmark), not another site or app for them. */
    private static boolean openedDirectly(Context ctx) {
        return "none".equals(ctx.header("Sec-Fetch-Site"));
    }

    private void signIn(Context ctx) {
        try {
            ctx.redirect(signIn.begin(ctx, origin.apply(ctx)), HttpStatus.SEE_OTHER);
        } catch (WebSignIn.Failed failed) {
            var page = new ApprovalPage(ctx, Optional.empty(), "web.signin.failed");
            page.message(failed.getMessage(), true);
            page.render(503);
        }
    }

    private void signedIn(Context ctx) {
        try {
            sessions.start(ctx, session(ctx), signIn.finish(ctx, origin.apply(ctx)));
            ctx.redirect(UnwantedPages.pending(ctx) ? UnwantedPages.PATH : PATH, HttpStatus.SEE_OTHER);
        } catch (WebSignIn.Failed failed) {
            var page = new ApprovalPage(ctx, Optional.empty(), "web.signin.failed");
            page.message(failed.getMessage(), true);
            page.render(400);
        }
    }

    private void typed(Context ctx, WebSessions.Session session) {
        String input = ctx.formParam("code");
        switch (UserCode.parse(input)) {
            case UserCode.Parsed.Valid(UserCode code) -> {
                keepCode(ctx, code);
                ctx.redirect(PATH, HttpStatus.SEE_OTHER);
            }
            case UserCode.Parsed.Invalid invalid -> {
                var page = new ApprovalPage(ctx, Optional.of(session), "web.title");
                page.codeForm(bounded(input), sentence(invalid));
                page.render(400);
            }
        }
    }

    private void decide(Context ctx, WebSessions.Session session) {
        String action = String.valueOf(ctx.formParam("action"));
        String owner = Optional.ofNullable(ctx.formParam("account")).map(ApprovalRoutes::bounded).orElse(ApproveRequest.ME);
        var page = new ApprovalPage(ctx, Optional.of(session), "web.title");
        try {
            UserCode code = CodeInput.parse(ctx.formParam("code")); // a form edited by hand may carry anything
            var approver = approver(ctx, session);
            switch (action) {
                case "approve" -> {
                    switch (links.approve(code, new ApproveRequest(owner), approver)) {
                        case PendingLinks.Approval.Linked linked -> page.outcome(LinkWording.linked(linked.device()));
                        case PendingLinks.Approval.AwaitingParent waiting -> {
                            forgetCode(ctx);
                            ctx.redirect(ApprovalPage.requestPath(waiting.request().id()), HttpStatus.SEE_OTHER);
                            return;
                        }
                    }
                }
                case "deny", "report" -> {
                    boolean report = action.equals("report");
                    links.deny(code, report, approver);
                    page.outcome(LinkWording.denied(report));
                }
                default -> {
                    page.message(Messages.get("web.unknown-action"), false);
                    page.render(400);
                    return;
                }
            }
            forgetCode(ctx);
            page.render(200);
        } catch (ApiProblem problem) {
            forgetCode(ctx);
            page.failure(problem.getMessage());
            page.render(problem);
        }
    }

    private void signOut(Context ctx, WebSessions.Session session) {
        sessions.end(ctx, session);
        forgetCode(ctx);
        var page = new ApprovalPage(ctx, Optional.empty(), "web.signedout");
        page.message(Messages.get("web.signedout.next"), true);
        page.render(200);
    }

    /**
     * Runs {@code action} for the session that posted this form, when the form carries its CSRF token; otherwise
     * answers the page that says so, and nothing is done.
     */
    private void posted(Context ctx, BiConsumer<Context, WebSessions.Session> action) {
        var session = session(ctx);
        if (session.isEmpty()) {
            var page = new ApprovalPage(ctx, session, "web.session-ended");
            page.message(Messages.get("web.session-ended.next"), true);
            page.render(401);
        } else if (!WebSessions.formOf(session.get(), ctx.formParam("csrf"))) {
            var page = new ApprovalPage(ctx, session, "web.csrf");
            page.message(Messages.get("web.csrf.next"), false);
            page.render(403);
        } else {
            action.accept(ctx, session.get());
        }
    }

    /** The session the before-filter read for this request. */
    static Optional<WebSessions.Session> session(Context ctx) {
        Optional<WebSessions.Session> session = ctx.attribute(SESSION);
        return session == null ? Optional.empty() : session;
    }

    private PendingLinks.Approver approver(Context ctx, WebSessions.Session session) {
        return new PendingLinks.Approver(session.account(), clientAddress.of(ctx), Notices.How.PAGE);
    }

    private static void keepCode(Context ctx, UserCode code) {
        ctx.cookie(new Cookie(CODE_COOKIE, code.value(), "/", (int) CODE_KEPT.toSeconds(), true, true, null, SameSite.LAX));
    }

    private static void forgetCode(Context ctx) {
        if (ctx.cookie(CODE_COOKIE) != null) {
            ctx.cookie(new Cookie(CODE_COOKIE, "", "/", 0, true, true, null, SameSite.LAX));
        }
    }

    private static String sentence(UserCode.Parsed.Invalid invalid) {
        return Messages.get(invalid.messageKey(), invalid.messageArguments());
    }

    /** What a person typed, as much of it as a page shows back (codes are 8 letters; nobody types 128). */
    private static String bounded(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) : text;
    }

    private static String readScript() {
        try (var in = ApprovalRoutes.class.getResourceAsStream("/pages/link.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("pages/link.js is missing from the build", e);
        }
    }
}
