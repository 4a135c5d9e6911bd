package org.devicelink.wording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.FamilyMember;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.PendingLink;

/**
 * The sentences of linking a device, worded once for the companion and the page alike: a device's shown name, the
 * confirmation's lines and warnings, and how each attempt ended. Views and pages show these; none builds its own.
 */
public final class LinkWording {

    private LinkWording() {}

    /** What to call a device: the name it gave, else its app's ("Sam's Switch", or "Nintendo Switch Online"). */
    public static String shownName(String deviceName, String appName) {
        return deviceName != null && !deviceName.isBlank() ? deviceName : appName;
    }

    public static String shownName(PendingLink link) {
        return shownName(link.deviceName(), link.appName());
    }

    public static String shownName(FamilyRequest request) {
        return shownName(request.deviceName(), request.appName());
    }

    /** One line of the confirmation's details: what it is, and its value. */
    public record Detail(String label, String value) {}

    /**
     * Everything the confirmation says for one choice of owner ({@code null}: the approver). Warnings are empty when
     * they do not apply.
     */
    public record Confirmation(String title, List<Detail> details, Optional<String> otherNetwork,
                               Optional<String> seenByOthers, Optional<String> signsOut) {}

    /** The confirmation of {@code link} approved for {@code owner} ({@code null} or "you": the approver), at {@code now}. */
    public static Confirmation confirmation(PendingLink link, FamilyMember owner, Instant now) {
        boolean mine = owner == null || owner.you();
        String name = shownName(link);
        String title = mine ? Messages.get("confirm.title", name) : Messages.get("confirm.titleFor", name, owner.name());
        return new Confirmation(title, details(link, now),
                link.otherNetwork() ? Optional.of(Messages.get("confirm.otherNetwork", link.network())) : Optional.empty(),
                link.seenByOthers() ? Optional.of(Messages.get("confirm.seenByOthers")) : Optional.empty(),
                signsOut(link, mine ? ApproveRequest.ME : owner.id(), mine ? null : owner.name()));
    }

    /** App, device, model, network, when and what it may do. */
    public static List<Detail> details(PendingLink link, Instant now) {
        return List.of(
                detail("confirm.app", link.appName()),
                detail("confirm.device", orUnknown(link.deviceName())),
                detail("confirm.model", orUnknown(link.deviceModel())),
                detail("confirm.from", link.network()),
                detail("confirm.when", Messages.ago(link.requestedAt(), now)),
                detail("confirm.scopes", Messages.scopes(link.scopes())));
    }

    /** A child's request as the parent deciding it sees it: app, device, model, network and when. */
    public static List<Detail> details(FamilyRequest request, Instant now) {
        return List.of(
                detail("confirm.app", request.appName()),
                detail("confirm.device", shownName(request)),
                detail("confirm.model", orUnknown(request.deviceModel())),
                detail("confirm.from", request.network()),
                detail("confirm.when", Messages.ago(request.requestedAt(), now)));
    }

    /** A child's request on a parent's Requests card: who asks for what, the details, and when. */
    public record RequestCard(String asks, String details, String when) {}

    public static RequestCard requestCard(FamilyRequest request, Instant now) {
        long minutes = Math.max(0, Duration.between(now, request.expiresAt()).toMinutes());
        return new RequestCard(Messages.get("requests.asks", request.childName(), shownName(request)),
                Messages.get("requests.details", request.appName(), orUnknown(request.deviceModel()), request.network()),
                Messages.get("requests.when", Messages.ago(request.requestedAt(), now)) + " · "
                        + (minutes < 1 ? Messages.get("requests.expiresSoon") : Messages.get("requests.expires", minutes)));
    }

    /** "Code expires in 4:59", or that it has expired. */
    public static String countdown(long secondsLeft) {
        return secondsLeft <= 0 ? Messages.get("confirm.expired")
                : Messages.get("confirm.expires", String.format(Locale.ROOT, "%d:%02d", secondsLeft / 60, secondsLeft % 60));
    }

    /**
     * "Your other console, X, will be signed out", when approving for {@code whose} ({@link ApproveRequest#ME} or a
     * child's id, named {@code childName}) signs a console out because the app allows one at a time.
     */
    public static Optional<String> signsOut(PendingLink link, String whose, String childName) {
        List<String> names = link.signsOut().getOrDefault(whose, List.of());
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String key = (whose.equals(ApproveRequest.ME) ? "confirm.signsOut" : "confirm.signsOut.child") + (names.size() > 1 ? ".many" : "");
        return Optional.of(Messages.get(key, String.join(", ", names), link.appName(), childName));
    }

    /** Each "will be signed out" a parent's approval could cause, whoever among {@code members} they choose. */
    public static List<String> signsOutForAnyone(PendingLink link, List<FamilyMember> members) {
        var sentences = new ArrayList<String>();
        for (String whose : link.signsOut().keySet()) {
            String child = members.stream().filter(m -> m.id().equals(whose)).map(FamilyMember::name).findFirst().orElse(whose);
            signsOut(link, whose, child).ifPresent(sentences::add);
        }
        return sentences;
    }

    /** How an attempt ended, in the tone a screen shows it with. */
    public enum Tone { LINKED, WAITING, DECLINED, FAILED }

    /** A heading and what comes next. */
    public record Outcome(Tone tone, String heading, String next) {}

    public static Outcome linked(LinkedDevice device) {
        return new Outcome(Tone.LINKED, Messages.get("result.linked", device.name()), Messages.get("result.linked.next", device.name()));
    }

    /** Denied, or denied and reported ("I didn't start this"). */
    public static Outcome denied(boolean reported) {
        return new Outcome(Tone.DECLINED, Messages.get(reported ? "result.reported" : "result.denied"),
                Messages.get(reported ? "result.reported.next" : "result.denied.next"));
    }

    /** A child approved: a parent decides. {@code onThePage}: the page says where else, and that it checks again. */
    public static Outcome awaitingParent(String device, boolean onThePage) {
        return new Outcome(Tone.WAITING, Messages.get("result.awaiting-parent", device),
                Messages.get(onThePage ? "web.awaiting-parent.next" : "result.awaiting-parent.next"));
    }

    /** What became of a child's request ({@link FamilyRequest#APPROVED}, {@code DENIED} or {@code EXPIRED}), told to the child. */
    public static Outcome parentDecided(String status, String device) {
        String key = switch (status) {
            case FamilyRequest.APPROVED -> "result.parent.approved";
            case FamilyRequest.DENIED -> "result.parent.denied";
            default -> "result.parent.expired";
        };
        return new Outcome(status.equals(FamilyRequest.APPROVED) ? Tone.LINKED : Tone.DECLINED, Messages.get(key, device),
                Messages.get(key + ".next"));
    }

    /** A parent's own decision on their child's request, told to the parent. */
    public static Outcome decidedForChild(LinkedDevice linked) {
        return linked != null
                ? new Outcome(Tone.LINKED, Messages.get("web.request.approved", linked.name()), Messages.get("web.manage"))
                : new Outcome(Tone.DECLINED, Messages.get("web.request.declined"), Messages.get("result.denied.next"));
    }

    /** Not linked, and why ({@code reason}: a problem's own sentence). */
    public static Outcome failed(String reason) {
        return new Outcome(Tone.FAILED, Messages.get("result.failed"), reason);
    }

    private static Detail detail(String key, String value) {
        return new Detail(Messages.get(key), value);
    }

    private static String orUnknown(String text) {
        return text == null || text.isBlank() ? Messages.get("confirm.unknown") : text;
    }
}
