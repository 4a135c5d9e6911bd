package org.devicelink.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.PendingLink;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.BearerTokens;
import org.devicelink.server.issuer.LocalIssuer;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.WebSessionStore;
import java.security.SecureRandom;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.ClientAddress;
import org.devicelink.server.http.Headers;
import org.devicelink.server.links.FamilyRequests;
import org.devicelink.server.links.PendingLinks;

/**
 * {@code /link}: approve a device from any browser, a phone that scanned the device's QR first. The page signs the
 * person in ({@link WebSignIn}), shows the same confirmation as the app and decides through the same services
 * ({@link PendingLinks}, {@link FamilyRequests}), so every rule, limit and sentence is the app's. It is plain HTML
 * forms (its script only counts down and explains typos at once), with a CSRF token in every form.
 *
 * <p>No code stays in an address: {@code /link?code=…} (the QR's) puts the code in a cookie and redirects to
 * {@code /link}; typed codes are posted.
 */
public final class ApprovalPages {

    public static final String PATH = "/link";
    /** Where the identity provider sends the browser back after sign-in. */
    public static final String CALLBACK = WebSignIn.CALLBACK;
    private static final String CODE_COOKIE = "__Host-devicelink-code";
    /**
     * The QR's code is kept only across a sign-in, and given up when first shown: as long as a code lives by default.
     */
    private static final Duration CODE_KEPT = Duration.ofMinutes(10);
    private static final int MAX_FIELD = 128;
    /** The waiting page reads again this often (a meta refresh: no script needed). */
    private static final int WAITING_REFRESH_SECONDS = 5;

    /** The page's script: it only improves the page (a countdown, typos explained as they are typed). */
    private static final String SCRIPT = readScript();

    private final PendingLinks links;
    private final FamilyRequests family;
    private final WebSessions sessions;
    private final WebSignIn signIn;
    private final ClientAddress clientAddress;
    private final Function<Context, String> origin;
    private final Clock clock;

    /**
     * @param origin the scheme, host and port this request reached (the server's, or its loopback browser entrance):
     *               sign-in returns there, so the browser's cookies are found again
     */
    public ApprovalPages(PendingLinks links, FamilyRequests family, Parts parts, ClientAddress clientAddress, Function<Context, String> origin,
                         Clock clock) {
        this.links = links;
        this.family = family;
        this.sessions = parts.sessions;
        this.signIn = parts.signIn;
        this.clientAddress = clientAddress;
        this.origin = origin;
        this.clock = clock;
    }

    /** The page's own parts: its sessions and its sign-in, made from the store, the keys and the identity provider. */
    public static final class Parts {
        private final WebSessions sessions;
        private final WebSignIn signIn;

        private Parts(WebSessionStore store, KeyedHash hash, WebSignIn.Provider provider, BearerTokens tokens, Clock clock, SecureRandom random) {
            this.sessions = new WebSessions(store, tokens::stillSignedIn, hash, clock, random);
            this.signIn = new WebSignIn(provider, tokens, hash, clock, random);
        }

        /** Signing in with the embedded default's local provider, in process. */
        public static Parts local(WebSessionStore store, KeyedHash hash, LocalIssuer issuer, BearerTokens tokens, Clock clock, SecureRandom random) {
            return new Parts(store, hash, WebSignIn.Provider.local(issuer), tokens, clock, random);
        }

        /** Signing in with another OpenID provider (Entra ID), over HTTPS. */
        public static Parts provider(WebSessionStore store, KeyedHash hash, WebProvider provider, BearerTokens tokens, Clock clock,
                                     SecureRandom random) {
            var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            return new Parts(store, hash, WebSignIn.Provider.discovered(provider, http), tokens, clock, random);
        }
    }

    /**
     * Where the server trusts no local provider and the page has no sign-in of its own: it shows the QR's code and
     * sends the person to the DeviceLink app, where they are signed in.
     */
    public static void appOnly(RoutesConfig routes) {
        routes.get(PATH, ctx -> {
            String codeParameter = ctx.queryParam(VerificationLink.CODE_PARAMETER);
            var model = new java.util.HashMap<String, Object>();
            if (codeParameter != null && !codeParameter.isBlank()) {
                switch (UserCode.parse(codeParameter)) {
                    case UserCode.Parsed.Valid(UserCode code) -> {
                        model.put("code", code.display());
                        model.put("appLink", VerificationLink.appLink(code).toString());
                    }
                    case UserCode.Parsed.Invalid invalid -> model.put("warning", Messages.get(invalid.messageKey(), invalid.messageArguments()));
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
        routes.get(PATH, this::show);
        routes.get(PATH + "/page.js", ctx -> Headers.cacheFor(ctx, Duration.ofMinutes(5)).contentType("text/javascript; charset=utf-8")
                .result(SCRIPT));
        routes.get(PATH + "/signin", ctx -> {
            try {
                ctx.redirect(signIn.begin(ctx, origin.apply(ctx)), HttpStatus.SEE_OTHER);
            } catch (WebSignIn.Failed failed) {
                var page = page(ctx, Optional.empty(), "web.signin.failed");
                page.message(failed.getMessage(), true);
                page.render(503);
            }
        });
        routes.get(WebSignIn.CALLBACK, this::signedIn);
        routes.post(PATH + "/code", this::typed);
        routes.post(PATH + "/decide", this::decide);
        routes.get(PATH + "/another", ctx -> {
            forgetCode(ctx);
            ctx.redirect(PATH, HttpStatus.SEE_OTHER);
        });
        routes.get(PATH + "/requests/{id}", this::request);
        routes.post(PATH + "/requests/{id}/decide", this::decideForChild);
        routes.post(PATH + "/signout", this::signOut);
    }

    private void show(Context ctx) {
        String fromLink = ctx.queryParam(VerificationLink.CODE_PARAMETER);
        if (fromLink != null) {
            fromLink(ctx, fromLink);
            return;
        }
        var session = sessions.current(ctx);
        Optional<UserCode> kept = Optional.ofNullable(ctx.cookie(CODE_COOKIE)).flatMap(UserCode::tryParse);
        var page = page(ctx, session, "web.title");
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
            page.confirm(links.lookup(kept.get().value(), approver(ctx, session.get())), session.get());
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
        switch (UserCode.parse(input)) {
            case UserCode.Parsed.Valid(UserCode code) when openedDirectly(ctx) -> {
                keepCode(ctx, code);
                ctx.redirect(PATH, HttpStatus.SEE_OTHER); // before anything is shown, the code leaves the address
            }
            case UserCode.Parsed.Valid(UserCode code) -> {
                var session = sessions.current(ctx);
                var page = page(ctx, session, session.isPresent() ? "web.check.title" : "web.title");
                if (session.isPresent()) {
                    page.checkCode(code);
                } else {
                    page.signIn(null);
                }
                page.render(200);
            }
            case UserCode.Parsed.Invalid invalid -> {
                var session = sessions.current(ctx);
                var page = page(ctx, session, "web.title");
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

    private void signedIn(Context ctx) {
        try {
            sessions.start(ctx, signIn.finish(ctx, origin.apply(ctx)));
            ctx.redirect(PATH, HttpStatus.SEE_OTHER);
        } catch (WebSignIn.Failed failed) {
            var page = page(ctx, Optional.empty(), "web.signin.failed");
            page.message(failed.getMessage(), true);
            page.render(400);
        }
    }

    private void typed(Context ctx) {
        var session = postedBy(ctx);
        if (session.isEmpty()) {
            return;
        }
        String input = ctx.formParam("code");
        switch (UserCode.parse(input)) {
            case UserCode.Parsed.Valid(UserCode code) -> {
                keepCode(ctx, code);
                ctx.redirect(PATH, HttpStatus.SEE_OTHER);
            }
            case UserCode.Parsed.Invalid invalid -> {
                var page = page(ctx, session, "web.title");
                page.codeForm(bounded(input), sentence(invalid));
                page.render(400);
            }
        }
    }

    private void decide(Context ctx) {
        var session = postedBy(ctx);
        if (session.isEmpty()) {
            return;
        }
        String code = bounded(ctx.formParam("code"));
        String action = String.valueOf(ctx.formParam("action"));
        String owner = Optional.ofNullable(ctx.formParam("account")).map(ApprovalPages::bounded).orElse(ApproveRequest.ME);
        var page = page(ctx, session, "web.title");
        try {
            var approver = approver(ctx, session.get());
            switch (action) {
                case "approve" -> {
                    switch (links.approve(code, new ApproveRequest(owner), approver)) {
                        case PendingLinks.Approval.Linked linked -> {
                            forgetCode(ctx);
                            page.result(Messages.get("result.linked", linked.device().name()), Messages.get("result.linked.next",
                                    linked.device().name()) + " " + Messages.get("web.manage"), true);
                        }
                        case PendingLinks.Approval.AwaitingParent waiting -> {
                            forgetCode(ctx);
                            ctx.redirect(PATH + "/requests/" + waiting.request().id(), HttpStatus.SEE_OTHER);
                            return;
                        }
                    }
                }
                case "deny", "report" -> {
                    boolean report = action.equals("report");
                    links.deny(code, report, approver);
                    forgetCode(ctx);
                    page.result(Messages.get(report ? "result.reported" : "result.denied"),
                            Messages.get(report ? "result.reported.next" : "result.denied.next"), false);
                }
                default -> {
                    page.message(Messages.get("web.unknown-action"), false);
                    page.render(400);
                    return;
                }
            }
            page.render(200);
        } catch (ApiProblem problem) {
            forgetCode(ctx);
            page.failure(problem.getMessage());
            page.render(problem);
        }
    }

    private void request(Context ctx) {
        var session = sessions.current(ctx);
        var page = page(ctx, session, "web.title");
        if (session.isEmpty()) {
            page.signIn(null);
            page.render(401);
            return;
        }
        try {
            FamilyRequest request = family.status(session.get().account(), ctx.pathParam("id"));
            String device = deviceOf(request);
            boolean parent = !request.childId().equals(session.get().account().id());
            switch (parent && request.status().equals(FamilyRequest.AWAITING_PARENT) ? "decide" : request.status()) {
                case "decide" -> page.decideForChild(request, device);
                case FamilyRequest.AWAITING_PARENT -> {
                    page.refreshEvery(WAITING_REFRESH_SECONDS);
                    page.result(Messages.get("result.awaiting-parent", device), Messages.get("web.awaiting-parent.next"), false);
                }
                case FamilyRequest.APPROVED -> page.result(Messages.get("result.parent.approved", device),
                        Messages.get("result.parent.approved.next") + " " + Messages.get("web.manage"), true);
                case FamilyRequest.DENIED -> page.result(Messages.get("result.parent.denied", device), Messages.get("result.parent.denied.next"), false);
                default -> page.result(Messages.get("result.parent.expired", device), Messages.get("result.parent.expired.next"), false);
            }
            page.render(200);
        } catch (ApiProblem problem) {
            page.failure(problem.getMessage());
            page.render(problem);
        }
    }

    /** A parent's decision on a child's request: the same one as under Requests in the app. */
    private void decideForChild(Context ctx) {
        var session = postedBy(ctx);
        if (session.isEmpty()) {
            return;
        }
        Account parent = session.get().account();
        String id = ctx.pathParam("id");
        var page = page(ctx, session, "web.title");
        try {
            if ("approve".equals(ctx.formParam("action"))) {
                var device = family.approve(parent, id);
                page.result(Messages.get("web.request.approved", device.name()), Messages.get("web.manage"), true);
            } else {
                family.deny(parent, id, false);
                page.result(Messages.get("web.request.declined"), Messages.get("result.denied.next"), false);
            }
            page.render(200);
        } catch (ApiProblem problem) {
            page.failure(problem.getMessage());
            page.render(problem);
        }
    }

    private void signOut(Context ctx) {
        var session = postedBy(ctx);
        if (session.isEmpty()) {
            return;
        }
        sessions.end(ctx, session.get());
        forgetCode(ctx);
        var page = page(ctx, Optional.empty(), "web.signedout");
        page.message(Messages.get("web.signedout.next"), true);
        page.render(200);
    }

    /**
     * The session that posted this form, when the form carries its CSRF token; otherwise the page that says so has been
     * answered (nothing was done) and the result is empty.
     */
    private Optional<WebSessions.Session> postedBy(Context ctx) {
        var session = sessions.current(ctx);
        if (session.isEmpty()) {
            var page = page(ctx, session, "web.session-ended");
            page.message(Messages.get("web.session-ended.next"), true);
            page.render(401);
            return Optional.empty();
        }
        if (!WebSessions.formOf(session.get(), ctx.formParam("csrf"))) {
            var page = page(ctx, session, "web.csrf");
            page.message(Messages.get("web.csrf.next"), false);
            page.render(403);
            return Optional.empty();
        }
        return session;
    }

    private PendingLinks.Approver approver(Context ctx, WebSessions.Session session) {
        return new PendingLinks.Approver(session.account(), clientAddress.of(ctx));
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

    /** What to call a child's device: its own name, or its app's when it gave none. */
    private static String deviceOf(FamilyRequest request) {
        return request.deviceName() != null ? request.deviceName() : request.appName();
    }

    /** What a person typed, as much of it as a page shows back (codes are 8 letters; nobody types 128). */
    private static String bounded(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) : text;
    }

    private static String readScript() {
        try (var in = ApprovalPages.class.getResourceAsStream("/pages/link.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("pages/link.js is missing from the build", e);
        }
    }

    private Page page(Context ctx, Optional<WebSessions.Session> session, String titleKey) {
        return new Page(ctx, session, Messages.get(titleKey));
    }

    /** One page being put together: its parts are the template's sections. */
    private final class Page {
        private final Context ctx;
        private final Map<String, Object> model = new LinkedHashMap<>();

        Page(Context ctx, Optional<WebSessions.Session> session, String title) {
            this.ctx = ctx;
            model.put("title", title);
            model.put("foot", Messages.get("web.foot"));
            session.ifPresent(s -> model.put("session", Map.of("name", name(s.account()), "csrf", s.csrf(),
                    "signedInAs", Messages.get("web.signed-in-as", name(s.account())), "signOut", Messages.get("web.signout"))));
        }

        void signIn(UserCode code) {
            var part = new LinkedHashMap<String, Object>();
            part.put("lead", code == null ? Messages.get("web.signin.lead") : Messages.get("web.signin.lead.code"));
            part.put("button", Messages.get("web.signin"));
            if (code != null) {
                part.put("code", code.display());
                part.put("appLink", VerificationLink.appLink(code).toString());
                part.put("openInApp", Messages.get("web.open-in-app"));
            }
            model.put("signIn", part);
        }

        /** A code another site or app put in the address: shown, to be checked against the device before it is used. */
        void checkCode(UserCode code) {
            model.put("checkCode", Map.of("lead", Messages.get("web.check.lead"), "code", code.display(),
                    "continue", Messages.get("web.check.continue"), "other", Messages.get("web.check.other")));
        }

        void codeForm(String typed, String error) {
            var part = new LinkedHashMap<String, Object>();
            part.put("explain", Messages.get("link.explain"));
            part.put("label", Messages.get("link.code.accessible"));
            part.put("typed", typed);
            part.put("continue", Messages.get("link.continue"));
            part.put("hints", hints());
            model.put("codeForm", part);
            error(error);
        }

        void confirm(PendingLink link, WebSessions.Session session) {
            String device = link.deviceName() != null ? link.deviceName() : link.appName();
            model.put("title", Messages.get("confirm.title", device));
            var part = new LinkedHashMap<String, Object>();
            part.put("compare", Messages.get("confirm.compare"));
            part.put("code", link.code());
            part.put("rows", List.of(
                    row("confirm.app", link.appName()),
                    row("confirm.device", link.deviceName() == null ? Messages.get("confirm.unknown") : link.deviceName()),
                    row("confirm.model", link.deviceModel() == null ? Messages.get("confirm.unknown") : link.deviceModel()),
                    row("confirm.from", link.network()),
                    row("confirm.when", Messages.ago(link.requestedAt(), clock.instant())),
                    row("confirm.scopes", Messages.scopes(link.scopes()))));
            part.put("secondsLeft", link.secondsLeft());
            part.put("expires", Messages.get("confirm.expires", link.secondsLeft() / 60, String.format("%02d", link.secondsLeft() % 60)));
            part.put("expiresTemplate", Messages.get("confirm.expires", "{0}", "{1}"));
            if (link.otherNetwork()) {
                part.put("otherNetwork", Messages.get("confirm.otherNetwork", link.network()));
            }
            if (link.seenByOthers()) {
                part.put("seenByOthers", Messages.get("confirm.seenByOthers"));
            }
            List<FamilyMember> members = session.account().isParent() ? family.members(session.account()) : List.of();
            part.put("warnings", signsOut(link, members));
            if (members.size() > 1) {
                part.put("chooser", Map.of("label", Messages.get("confirm.owner"), "hint", Messages.get("web.owner-hint"),
                        "options", members.stream().map(m -> Map.of("value", m.you() ? ApproveRequest.ME : m.id(),
                                "label", m.you() ? Messages.get("confirm.owner.you", m.name()) : String.valueOf(m.name()), "selected", m.you())).toList()));
            }
            part.put("approve", Messages.get("confirm.approve"));
            part.put("deny", Messages.get("confirm.deny"));
            part.put("report", Messages.get("confirm.report"));
            part.put("another", Messages.get("confirm.back"));
            model.put("confirm", part);
        }

        /** "Your other console, X, will be signed out", for each account approving could sign one out of. */
        private List<String> signsOut(PendingLink link, List<FamilyMember> members) {
            var sentences = new ArrayList<String>();
            link.signsOut().forEach((whose, names) -> {
                String many = names.size() > 1 ? ".many" : "";
                String joined = String.join(", ", names);
                if (whose.equals(ApproveRequest.ME)) {
                    sentences.add(Messages.get("confirm.signsOut" + many, joined, link.appName()));
                } else {
                    String child = members.stream().filter(m -> m.id().equals(whose)).map(FamilyMember::name).findFirst().orElse(whose);
                    sentences.add(Messages.get("confirm.signsOut.child" + many, joined, link.appName(), child));
                }
            });
            return sentences;
        }

        /** A parent's list of what their children wait for, under the code form. */
        void waiting(List<FamilyRequest> requests) {
            if (!requests.isEmpty()) {
                model.put("requests", Map.of("heading", Messages.get("web.requests", requests.size()), "items", requests.stream()
                        .map(r -> Map.of("href", PATH + "/requests/" + r.id(), "text", Messages.get("web.requests.item",
                                deviceOf(r), r.childName()))).toList()));
            }
        }

        void decideForChild(FamilyRequest request, String device) {
            model.put("title", Messages.get("web.request.title", request.childName(), device));
            model.put("childRequest", Map.of("action", PATH + "/requests/" + request.id() + "/decide",
                    "rows", List.of(row("confirm.app", request.appName()), row("confirm.device", device),
                            row("confirm.model", request.deviceModel() == null ? Messages.get("confirm.unknown") : request.deviceModel()),
                            row("confirm.from", request.network()), row("confirm.when", Messages.ago(request.requestedAt(), clock.instant()))),
                    "approve", Messages.get("confirm.approve"), "decline", Messages.get("web.request.decline")));
        }

        void result(String heading, String next, boolean linked) {
            model.put("title", heading);
            model.put("result", Map.of("next", next, "linked", linked, "another", Messages.get("result.another")));
        }

        void failure(String message) {
            model.put("title", Messages.get("result.failed"));
            model.put("result", Map.of("next", "", "linked", false, "another", Messages.get("result.another")));
            error(message);
        }

        void message(String text, boolean offerSignIn) {
            model.put("message", Map.of("text", text, "offerSignIn", offerSignIn, "button", Messages.get(offerSignIn ? "web.signin" : "web.back")));
        }

        void refreshEvery(int seconds) {
            model.put("refresh", seconds);
        }

        void error(String message) {
            if (message != null) {
                model.put("error", message);
            }
        }

        void render(ApiProblem problem) {
            if (problem.retryAfter() != null) {
                ctx.header("Retry-After", Long.toString(Messages.wholeSeconds(problem.retryAfter())));
            }
            render(problem.type().status());
        }

        void render(int status) {
            Headers.page(ctx, "form-action 'self'; script-src 'self'").status(status).render("approve.mustache", model);
        }

        private static Map<String, String> row(String key, String value) {
            return Map.of("label", Messages.get(key), "value", value);
        }

        /** The typo sentences the page's script shows at once, before anything is sent: the same ones the server says. */
        private static Map<String, String> hints() {
            return Map.of("digit", Messages.get("code.digit", "{0}"), "lookalike", Messages.get("code.digit.lookalike", "{0}", "{1}"),
                    "vowel", Messages.get("code.vowel", "{0}"), "other", Messages.get("code.not-in-alphabet", "{0}", UserCode.ALPHABET),
                    "long", Messages.get("code.too-long"), "alphabet", UserCode.ALPHABET);
        }

        private static String name(Account account) {
            return account.displayName() != null ? account.displayName() : account.subject();
        }
    }
}
