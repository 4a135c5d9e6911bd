package org.devicelink.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.CodeStory;
import org.devicelink.protocol.DisplayText;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.protocol.SupportLookup;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.activity.Activity;
import org.devicelink.server.activity.ActivityKind;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.devices.LinkedDevices;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.PathIds;
import org.devicelink.server.links.Networks;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkStatus;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.Sql;
import org.devicelink.server.store.SupportStore;

/**
 * Support staff (the {@code support} role) verify a code a customer reads out, and, with a written reason, see the
 * customer's devices. They read, never change. Every access is written to the insert-only audit first, shows in the
 * customer's activity, and counts against the support account's own limit.
 *
 * <p>The near-miss hint says only that a waiting code is one slip away, never which, and only once around that code:
 * a lookup two slips or fewer from an input that got a hint (the customer reading it again) gets no hint of its own,
 * and only {@link #REREADS} of those are answered within the hour. A walk from a misread code (change one letter at a
 * time, watch the hint) learns nothing after its first step, and checks at most {@link #REREADS} of the 152 codes one
 * slip away: 2 in 152 per hint, never enough to find the code ({@code SupportContract} plays the walk). Every try is
 * audited under the support account's name.
 */
public final class SupportDesk {

    static final int LOOKUPS_PER_HOUR = 30;
    /** Lookups near a hinted input answered within the hour: the customer reads the code again, once or twice. */
    static final int REREADS = 2;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Sql sql;
    private final SupportStore store;
    private final DeviceAppStore apps;
    private final LinkedDeviceStore devices;
    private final ActivityRecorder activity;
    private final KeyedHash hash;
    private final Clock clock;

    public SupportDesk(Sql sql, SupportStore store, DeviceAppStore apps, LinkedDeviceStore devices, ActivityRecorder activity,
                       KeyedHash hash, Clock clock) {
        this.sql = sql;
        this.store = store;
        this.apps = apps;
        this.devices = devices;
        this.activity = activity;
        this.hash = hash;
        this.clock = clock;
    }

    /** Whether the code is valid now, and what happened to it; a code not found says whether one slip away is waiting. */
    public CodeStory lookUpCode(Account support, String codeInput) {
        requireSupport(support);
        UserCode code = switch (UserCode.parse(codeInput)) {
            case UserCode.Parsed.Valid(UserCode c) -> c;
            case UserCode.Parsed.Invalid invalid -> throw new ApiProblem(ProblemType.CODE_INVALID, invalid.messageKey(),
                    invalid.messageArguments());
        };
        Instant now = clock.instant();
        return sql.inTransaction(() -> {
            admit(support, now);
            String digest = hash.of(KeyedHash.Kind.USER_CODE, code.value()); // the audit, like every table, holds no code
            List<String> neighbours = code.neighbours().stream().map(n -> hash.of(KeyedHash.Kind.USER_CODE, n.value())).toList();
            var around = new ArrayList<>(neighbours);
            around.add(digest);
            var hinted = store.hintNear(support.id(), now.minus(WINDOW), around);
            if (hinted.isPresent()) {
                if (hinted.get().rereads() >= REREADS) {
                    throw new ApiProblem(ProblemType.SUPPORT_LIMIT, "problem.support-limit.rereads", REREADS);
                }
                store.reread(hinted.get().id());
            }
            var found = store.story(digest);
            if (found.isEmpty()) {
                boolean nearMiss = hinted.isEmpty() && store.anyWaiting(neighbours, now);
                if (nearMiss) {
                    store.hint(UUID.randomUUID().toString(), support.id(), now, around);
                }
                audit(support, "code-lookup", digest, null, null, now);
                return new CodeStory(code.display(), CodeStory.NOT_FOUND, false, null, null, null, null, List.of(), null, nearMiss);
            }
            var story = found.get();
            audit(support, "code-lookup", digest, story.ownerId(), null, now);
            if (story.ownerId() != null) {
                activity.record(new Activity(ActivityKind.VIEWED_BY_SUPPORT, story.ownerId(), null, story.deviceName(), story.clientId(),
                        null));
            }
            String status = status(story, now);
            return new CodeStory(code.display(), status, status.equals("waiting"), appName(story.clientId()), story.deviceName(),
                    story.deviceModel(), Networks.describe(story.clientAddress()), events(story, now), story.ownerId(), false);
        });
    }

    /** A customer's devices, for a written reason the customer will see in their activity. */
    public List<LinkedDevice> customerDevices(Account support, String customerId, SupportLookup request) {
        requireSupport(support);
        String id = PathIds.uuid(customerId, ProblemType.NOT_FOUND);
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.length() < SupportLookup.MIN_REASON || reason.length() > SupportLookup.MAX_REASON || !DisplayText.showable(reason)) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.reason", SupportLookup.MIN_REASON,
                    SupportLookup.MAX_REASON);
        }
        Instant now = clock.instant();
        return sql.inTransaction(() -> {
            admit(support, now);
            var found = devices.listForAccounts(List.of(id), LinkedDevices.MAX_LISTED);
            audit(support, "account-devices", id, found.isEmpty() ? null : id, reason, now);
            if (!found.isEmpty()) {
                activity.record(new Activity(ActivityKind.VIEWED_BY_SUPPORT, id, null, null, null, reason));
            }
            return found.stream().map(LinkedDevices::view).toList();
        });
    }

    private static void requireSupport(Account account) {
        if (!account.has(Role.SUPPORT)) {
            throw ApiProblem.of(ProblemType.SUPPORT_ONLY);
        }
    }

    /** The support account's own limit, counted from the audit: past it, how long until the oldest lookup leaves the hour. */
    private void admit(Account support, Instant now) {
        List<Instant> recent = store.lookupsSince(support.id(), now.minus(WINDOW));
        if (recent.size() >= LOOKUPS_PER_HOUR) {
            throw ApiProblem.waitFor(ProblemType.SUPPORT_LIMIT, Duration.between(now,
                    recent.get(recent.size() - LOOKUPS_PER_HOUR).plus(WINDOW)));
        }
    }

    private void audit(Account support, String action, String target, String customerId, String reason, Instant now) {
        store.audit(new SupportStore.Audit(UUID.randomUUID().toString(), now, support.id(), action, target, customerId, reason));
    }

    private static String status(SupportStore.Story story, Instant now) {
        boolean expired = !now.isBefore(story.expiresAt());
        return switch (story.status()) {
            case PENDING -> expired ? "expired" : "waiting";
            case AWAITING_PARENT -> expired ? "expired" : "awaiting-parent";
            case APPROVED -> expired ? "expired" : "approved";
            case REDEEMED -> "linked";
            case DENIED -> "denied";
        };
    }

    private static List<CodeStory.Event> events(SupportStore.Story story, Instant now) {
        var events = new ArrayList<CodeStory.Event>();
        events.add(new CodeStory.Event(story.requestedAt(), "issued", null));
        if (story.lookedUpAt() != null) {
            events.add(new CodeStory.Event(story.lookedUpAt(), "looked-up", null));
        }
        if (story.askedBy() != null) {
            events.add(new CodeStory.Event(story.askedAt(), "asked-a-parent", mask(story.askedBy())));
        }
        if (story.decidedAt() != null) {
            String what = story.status() == LinkStatus.DENIED ? (story.reported() ? "reported" : "denied") : "approved";
            events.add(new CodeStory.Event(story.decidedAt(), what, mask(story.decidedBy())));
        }
        if (story.refused() != null) { // the customer's own setting stood in the way: support can say where to change it
            var refused = story.refused();
            events.add(new CodeStory.Event(refused.at(), "refused-linking-" + refused.linking(), mask(refused.by())));
        }
        if (story.redeemedAt() != null) {
            events.add(new CodeStory.Event(story.redeemedAt(), "collected", null));
        } else if (!now.isBefore(story.expiresAt()) && story.status() != LinkStatus.DENIED) {
            events.add(new CodeStory.Event(story.expiresAt(), "expired", null));
        }
        events.removeIf(e -> e.at() == null);
        events.sort(Comparator.comparing(CodeStory.Event::at));
        return events;
    }

    /** "Alex Morgan" as "A. M.": enough to confirm with the customer, not to learn a stranger's name. */
    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(name.strip().split("\\s+")).map(w -> w.codePoints().limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ".").collect(Collectors.joining(" "));
    }

    private String appName(String clientId) {
        return apps.find(clientId).map(DeviceAppStore.App::displayName).orElse(clientId);
    }
}
