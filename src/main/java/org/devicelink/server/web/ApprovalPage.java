package org.devicelink.server.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.PendingLink;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.Headers;
import org.devicelink.wording.LinkWording;

/**
 * One {@code /link} page being put together: each method fills one of the template's sections, with the sentences of
 * {@link LinkWording}, the companion's own.
 */
final class ApprovalPage {

    /** The page's address; its routes are all under it. */
    static final String PATH = "/link";

    /** A child's request, as the child follows it and a parent decides it. */
    static String requestPath(String id) {
        return PATH + "/requests/" + id;
    }

    private final Context ctx;
    private final Map<String, Object> model = new LinkedHashMap<>();

    ApprovalPage(Context ctx, Optional<WebSessions.Session> session, String titleKey) {
        this.ctx = ctx;
        model.put("title", Messages.get(titleKey));
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
        part.put("signOutAll", Messages.get("devices.sign-out-all"));
        model.put("codeForm", part);
        error(error);
    }

    /** The confirmation, for a person who may choose among {@code members} (a parent) or only themselves (empty). */
    void confirm(PendingLink link, List<FamilyMember> members, Instant now) {
        var words = LinkWording.confirmation(link, null, now);
        model.put("title", words.title());
        var part = new LinkedHashMap<String, Object>();
        part.put("compare", Messages.get("confirm.compare"));
        part.put("code", link.code());
        part.put("rows", rows(words.details()));
        part.put("secondsLeft", link.secondsLeft());
        part.put("expires", LinkWording.countdown(link.secondsLeft()));
        part.put("expiresTemplate", Messages.get("confirm.expires", "{0}"));
        words.otherNetwork().ifPresent(sentence -> part.put("otherNetwork", sentence));
        words.seenByOthers().ifPresent(sentence -> part.put("seenByOthers", sentence));
        // without a script the chooser cannot change the warnings: each one any choice could cause is shown
        part.put("warnings", LinkWording.signsOutForAnyone(link, members));
        if (members.size() > 1) {
            part.put("chooser", Map.of("label", Messages.get("confirm.owner"), "hint", Messages.get("web.owner-hint"),
                    "options", members.stream().map(m -> Map.of("value", m.you() ? ApproveRequest.ME : m.id(),
                            "label", m.you() ? Messages.get("confirm.owner.you", m.name()) : String.valueOf(m.name()), "selected", m.you()))
                            .toList()));
        }
        part.put("approve", Messages.get("confirm.approve"));
        part.put("deny", Messages.get("confirm.deny"));
        part.put("report", Messages.get("confirm.report"));
        part.put("another", Messages.get("confirm.back"));
        model.put("confirm", part);
    }

    /** A parent's list of what their children wait for, under the code form. */
    void waiting(List<FamilyRequest> requests) {
        if (!requests.isEmpty()) {
            model.put("requests", Map.of("heading", Messages.get("web.requests", requests.size()), "items", requests.stream()
                    .map(r -> Map.of("href", requestPath(r.id()), "text", Messages.get("web.requests.item",
                            LinkWording.shownName(r), r.childName()))).toList()));
        }
    }

    void decideForChild(FamilyRequest request, Instant now) {
        model.put("title", Messages.get("web.request.title", request.childName(), LinkWording.shownName(request)));
        model.put("childRequest", Map.of("action", requestPath(request.id()) + "/decide",
                "rows", rows(LinkWording.details(request, now)),
                "approve", Messages.get("confirm.approve"), "decline", Messages.get("web.request.decline")));
    }

    /** "Sign out of all 3 devices?", with Cancel first: Enter in this form changes nothing. */
    void signOutAll(long devices) {
        model.put("signOutAll", Map.of("lead", Messages.get("devices.sign-out-all.header", devices),
                "detail", Messages.get("devices.sign-out-all.detail"), "confirm", Messages.get("devices.sign-out-all.confirm"),
                "cancel", Messages.get("devices.unlink.cancel")));
    }

    /** "This wasn't me": the device the email was about, and the two ways to be rid of it. */
    void unwanted(LinkedDevice device) {
        model.put("unwanted", Map.of("lead", Messages.get("web.unwanted.lead"),
                "rows", rows(List.of(new LinkWording.Detail(Messages.get("notice.fact.device"), device.name()),
                        new LinkWording.Detail(Messages.get("notice.fact.when"), Messages.moment(device.linkedAt(), false)))),
                "unlink", Messages.get("web.unwanted.unlink"), "everywhere", Messages.get("web.unwanted.everywhere"),
                "hint", Messages.get("web.unwanted.hint")));
    }

    /** How it ended; a linked device adds where it is managed. */
    void outcome(LinkWording.Outcome outcome) {
        model.put("title", outcome.heading());
        boolean linked = outcome.tone() == LinkWording.Tone.LINKED;
        var part = new LinkedHashMap<String, Object>();
        part.put("next", outcome.next());
        part.put("linked", linked);
        part.put("another", Messages.get("result.another"));
        if (linked && !outcome.next().equals(Messages.get("web.manage"))) {
            part.put("manage", Messages.get("web.manage"));
        }
        model.put("result", part);
    }

    /** Not done, and why: a problem's own sentence. */
    void failure(String message) {
        model.put("title", Messages.get("result.failed"));
        model.put("result", Map.of("next", "", "linked", false, "another", Messages.get("result.another")));
        error(message);
    }

    void message(String text, boolean offerSignIn) {
        model.put("message", Map.of("text", text, "offerSignIn", offerSignIn, "button", Messages.get(offerSignIn ? "web.signin"
                : "web.back")));
    }

    /**
     * A page that waits on someone else: its script reads it again every {@code seconds} and shows it once it has changed;
     * without the script, a link reads it again. Not a meta refresh, which reloads under a screen reader's feet (WCAG 2.2.1).
     */
    void checkEvery(int seconds) {
        model.put("checkNow", Map.of("href", ctx.path(), "seconds", seconds, "text", Messages.get("web.check-now")));
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
        Headers.page(ctx, "form-action 'self'; script-src 'self'; connect-src 'self'").status(status).render("approve.mustache", model);
    }

    private static List<Map<String, String>> rows(List<LinkWording.Detail> details) {
        return details.stream().map(d -> Map.of("label", d.label(), "value", d.value())).toList();
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
