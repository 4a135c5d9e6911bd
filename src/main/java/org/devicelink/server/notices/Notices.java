package org.devicelink.server.notices;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.devicelink.i18n.Messages;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.mail.Letter;
import org.devicelink.server.mail.Outbox;

/**
 * The emails that reach people outside the app: a device linked to their account (with "This wasn't me"), a child's
 * request to each parent, a parent's decision to the child, and the confirmation of a report or a sign-out
 * everywhere. Each is written to the outbox inside the transaction of the change it reports, in the language of the
 * request that made the change; an account without an address gets none.
 */
public final class Notices {

    /** How a link was approved: in the companion, on the web page, or by a parent for their child. */
    public enum How { APP, PAGE, PARENT }

    /** A newly linked device as its owner is told of it. {@code onApproversNetwork} is null when that is not known. */
    public record NewLink(String ownerId, String deviceId, String deviceName, String appName, String model, String network,
                          Boolean onApproversNetwork, How how, String parentName) {}

    private final Outbox outbox;
    private final Accounts accounts;
    private final UnwantedLinks unwanted;
    private final String baseUrl;
    private final Clock clock;

    /** @param baseUrl where links in the emails lead: the server's public address */
    public Notices(Outbox outbox, Accounts accounts, UnwantedLinks unwanted, String baseUrl, Clock clock) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.unwanted = unwanted;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The page a "This wasn't me" link opens. */
    public static final String UNWANTED_PATH = "/link/unwanted";
    /** The page where a parent decides their children's requests. */
    public static final String REQUESTS_PATH = "/link";

    public void deviceLinked(NewLink link) {
        accounts.email(link.ownerId()).ifPresent(to -> {
            var facts = new ArrayList<Letter.Fact>();
            facts.add(fact("notice.fact.device", link.deviceName()));
            facts.add(fact("notice.fact.app", link.appName()));
            if (link.model() != null) {
                facts.add(fact("notice.fact.model", link.model()));
            }
            String network = link.onApproversNetwork() == null ? link.network()
                    : Messages.get(link.onApproversNetwork() ? "notice.network.same" : "notice.network.other", link.network());
            facts.add(fact("notice.fact.network", network));
            facts.add(fact("notice.fact.when", Messages.momentWithZone(clock.instant())));
            String how = switch (link.how()) {
                case APP -> Messages.get("notice.linked.how.app");
                case PAGE -> Messages.get("notice.linked.how.page");
                case PARENT -> Messages.get("notice.linked.how.parent", link.parentName());
            };
            String signed = unwanted.create(link.ownerId(), link.deviceId());
            outbox.post(to, "linked", new Letter(Messages.get("notice.linked.subject", link.deviceName()),
                    Messages.get("notice.linked.heading", link.deviceName()),
                    List.of(how, Messages.get("notice.linked.unwanted", UnwantedLinks.LIFETIME.toDays())), facts,
                    List.of(new Letter.Action(Messages.get("notice.action.unwanted"), baseUrl + UNWANTED_PATH + "?n=" + signed)),
                    footer()));
        });
    }

    /** A child approved a code: each parent with an address hears of it, and decides on the page after signing in. */
    public void childAsks(Account child, String deviceName, String appName, String network) {
        for (var parent : accounts.parentsOf(child)) {
            if (parent.email() == null) {
                continue;
            }
            outbox.post(parent.email(), "child-asks", new Letter(Messages.get("notice.child-asks.subject", child.displayName(), deviceName),
                    Messages.get("notice.child-asks.heading", child.displayName()),
                    List.of(Messages.get("notice.child-asks.body")),
                    List.of(fact("notice.fact.device", deviceName), fact("notice.fact.app", appName), fact("notice.fact.network", network)),
                    List.of(new Letter.Action(Messages.get("notice.action.requests"), baseUrl + REQUESTS_PATH)), footer()));
        }
    }

    /** A parent decided a child's request: the child hears what became of it. */
    public void parentDecided(String childId, String deviceName, boolean approved, String parentName) {
        accounts.email(childId).ifPresent(to -> {
            String which = approved ? "notice.decided.approved" : "notice.decided.denied";
            outbox.post(to, "parent-decided", new Letter(Messages.get(which + ".subject", parentName, deviceName),
                    Messages.get(which + ".subject", parentName, deviceName),
                    List.of(Messages.get(which + ".body", parentName, deviceName)),
                    List.of(), List.of(), footer()));
        });
    }

    /** The account was signed out of its {@code count} devices, by itself or (named) by a parent. */
    public void signedOutEverywhere(String ownerId, int count, String parentName) {
        accounts.email(ownerId).ifPresent(to -> {
            var paragraphs = new ArrayList<>(List.of(Messages.get("notice.everywhere.body", count)));
            if (parentName != null) {
                paragraphs.add(Messages.get("notice.everywhere.by-parent", parentName));
            }
            paragraphs.add(Messages.get("notice.everywhere.next"));
            outbox.post(to, "signed-out-everywhere", new Letter(Messages.get("notice.everywhere.subject"),
                    Messages.get("notice.everywhere.subject"), paragraphs, List.of(), List.of(), footer()));
        });
    }

    /**
     * The owner reported a linked device as not theirs: it was unlinked, and {@code signedOut} devices with it when
     * they chose to sign out everywhere (-1 when they did not).
     */
    public void unwantedReported(String ownerId, String deviceName, int signedOut) {
        accounts.email(ownerId).ifPresent(to -> {
            var paragraphs = new ArrayList<>(List.of(Messages.get("notice.unwanted.body", deviceName)));
            if (signedOut >= 0) {
                paragraphs.add(Messages.get("notice.everywhere.body", signedOut));
            }
            paragraphs.add(Messages.get("notice.unwanted.next"));
            outbox.post(to, "unwanted", new Letter(Messages.get("notice.unwanted.subject"), Messages.get("notice.unwanted.subject"),
                    paragraphs, List.of(), List.of(), footer()));
        });
    }

    private static Letter.Fact fact(String key, String value) {
        return new Letter.Fact(Messages.get(key), value);
    }

    private static String footer() {
        return Messages.get("notice.footer");
    }
}
