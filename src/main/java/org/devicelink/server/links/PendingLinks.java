package org.devicelink.server.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.LinkingSetting;
import org.devicelink.protocol.PendingLink;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.AccountChanges;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.activity.Activity;
import org.devicelink.server.activity.ActivityKind;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.devices.DevicePolicies;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.PathIds;
import org.devicelink.server.limits.CodeIssuance;
import org.devicelink.server.notices.Notices;
import org.devicelink.server.notify.ApprovalNotifier;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkStatus;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.Sql;
import org.devicelink.wording.LinkWording;

/** The approver's side of a link: look a code up, approve it for an account, or deny it. */
public final class PendingLinks {

    private final Sql sql;
    private final Accounts accounts;
    private final PendingLinkStore links;
    private final DevicePolicies policies;
    private final CodeAttempts attempts;
    private final CodeIssuance issuance;
    private final ActivityRecorder activity;
    private final ApprovalNotifier notifier;
    private final AccountChanges changes;
    private final KeyedHash hash;
    private final Notices notices;
    private final Clock clock;

    /**
     * @param attempts the wrong codes an account, an address block and the whole deployment may try (RFC 8628 §5.1)
     * @param issuance told of a reported device, so its network gets fewer codes
     */
    public PendingLinks(Sql sql, Accounts accounts, PendingLinkStore links, DevicePolicies policies, CodeAttempts attempts,
                        CodeIssuance issuance, ActivityRecorder activity, ApprovalNotifier notifier, AccountChanges changes,
                        KeyedHash hash, Notices notices, Clock clock) {
        this.sql = sql;
        this.accounts = accounts;
        this.links = links;
        this.policies = policies;
        this.attempts = attempts;
        this.issuance = issuance;
        this.activity = activity;
        this.notifier = notifier;
        this.changes = changes;
        this.hash = hash;
        this.notices = notices;
        this.clock = clock;
    }

    /** Who is asking, from where (null: not known) and how: the approver's account, network address, and app or page. */
    public record Approver(Account account, String address, Notices.How via) {}

    public PendingLink lookup(UserCode code, Approver approver) {
        var row = find(code, approver);
        boolean seenByOthers = links.lookedUp(row.id(), approver.account().id(), clock.instant());
        return view(code, row, approver, seenByOthers);
    }

    /** What an approval did: linked the device, or (a child's) made it wait for a parent. */
    public sealed interface Approval {
        record Linked(LinkedDevice device) implements Approval {}

        record AwaitingParent(FamilyRequest request) implements Approval {}
    }

    /**
     * Approves the code for {@code request.account()}: the approver ("me"), or, for a parent, a child in their family.
     * A child's own approval does not link: the request waits for a parent.
     */
    public Approval approve(UserCode code, ApproveRequest request, Approver approver) {
        Account me = approver.account();
        String wanted = request == null || request.account() == null ? ApproveRequest.ME : request.account();
        String ownerId;
        if (ApproveRequest.ME.equals(wanted) || wanted.equals(me.id())) {
            ownerId = me.id();
        } else if (!me.isParent()) {
            throw new ApiProblem(ProblemType.NOT_IN_FAMILY, "problem.not-in-family.not-a-parent"); // before the code: costs no attempt
        } else {
            ownerId = accounts.childOf(me, wanted).orElseThrow(() -> ApiProblem.of(ProblemType.NOT_IN_FAMILY)).id();
        }
        var row = find(code, approver);
        if (me.isChild()) {
            return sql.inTransaction(() -> {
                if (!links.awaitParent(row.id(), me.id(), clock.instant())) {
                    throw new ApiProblem(ProblemType.CODE_USED, "problem.code-used.race");
                }
                activity.record(new Activity(ActivityKind.ASKED_A_PARENT, me.id(), null, deviceName(row), row.clientId(), null));
                notices.childAsks(me, deviceName(row), appName(row), Networks.describe(row.clientAddress()));
                changes.changed(me); // the parents' Requests screens
                return new Approval.AwaitingParent(familyView(links.find(row.id()).orElseThrow(), me.displayName()));
            });
        }
        String replace = request == null ? null : request.replace();
        if (replace != null) {
            replace = PathIds.uuid(replace, ProblemType.DEVICE_NOT_FOUND);
        }
        return new Approval.Linked(link(row, LinkStatus.PENDING, ownerId, approver, replace));
    }

    /**
     * Links the request's device to {@code ownerId}, approved by {@code approver}, if it is still {@code from} and the
     * owner's and the app's limits admit it ({@link DevicePolicies}), and the device's held polls learn of it.
     */
    LinkedDevice link(PendingLinkStore.Row row, LinkStatus from, String ownerId, Approver approval, String replace) {
        Account approver = approval.account();
        decidesLinks(approver);
        return sql.inTransaction(() -> {
            Instant now = clock.instant();
            String name = deviceName(row);
            var device = policies.admit(new DevicePolicies.NewDevice(ownerId, row.clientId(), name, row.deviceModel(), row.scope()),
                    approver, replace, now);
            if (!links.approve(row.id(), from, approver.id(), device.id(), now)) {
                throw new ApiProblem(ProblemType.CODE_USED, "problem.code-used.race");
            }
            String by = ownerId.equals(approver.id()) ? null : approver.displayName();
            activity.record(new Activity(ActivityKind.LINKED, ownerId, device.id(), name, row.clientId(), by));
            if (links.seenByOthers(row.id())) { // the owner hears of it where they look for what happened
                activity.record(new Activity(ActivityKind.SEEN_BY_OTHERS, ownerId, device.id(), name, row.clientId(), null));
            }
            if (from == LinkStatus.AWAITING_PARENT) { // the child asked: they hear what became of it
                notices.parentDecided(ownerId, name, true, approver.displayName());
            } else {
                notices.deviceLinked(new Notices.NewLink(ownerId, device.id(), name, appName(row), row.deviceModel(),
                        Networks.describe(row.clientAddress()),
                        approval.address() == null ? null : !Networks.differ(row.clientAddress(), approval.address()),
                        by == null ? approval.via() : Notices.How.PARENT, by));
            }
            notifier.decided(row.deviceCodeHash());
            changes.changed(approver);
            return device;
        });
    }

    /** Denies the request if it is still {@code from}; the owner's activity says so (and who, when not themselves). */
    void deny(PendingLinkStore.Row row, LinkStatus from, boolean report, String ownerId, Account decider) {
        decidesLinks(decider);
        sql.inTransaction(() -> {
            if (!links.deny(row.id(), from, decider.id(), report, clock.instant())) {
                throw new ApiProblem(ProblemType.CODE_USED, "problem.code-used.race");
            }
            String by = ownerId.equals(decider.id()) ? null : decider.displayName();
            activity.record(new Activity(report ? ActivityKind.REPORTED : ActivityKind.DENIED, ownerId, null,
                    row.deviceName(), row.clientId(), by));
            if (from == LinkStatus.AWAITING_PARENT) {
                notices.parentDecided(ownerId, deviceName(row), false, decider.displayName());
            }
            if (report) {
                issuance.reported(row.clientAddress());
            }
            notifier.decided(row.deviceCodeHash());
            changes.changed(decider);
            return null;
        });
    }

    public void deny(UserCode code, boolean report, Approver approver) {
        deny(find(code, approver), LinkStatus.PENDING, report, approver.account().id(), approver.account());
    }

    /** A request as the family sees it; {@code childName} is the asker's. */
    FamilyRequest familyView(PendingLinkStore.Row row, String childName) {
        Instant now = clock.instant();
        String status = switch (row.status()) {
            case PENDING, AWAITING_PARENT -> row.expiredAt(now) ? FamilyRequest.EXPIRED : FamilyRequest.AWAITING_PARENT;
            case APPROVED, REDEEMED -> FamilyRequest.APPROVED;
            case DENIED -> FamilyRequest.DENIED;
        };
        return new FamilyRequest(row.id(), row.askedBy(), childName, row.clientId(), appName(row), row.deviceName(), row.deviceModel(),
                Networks.describe(row.clientAddress()), row.requestedAt(), row.expiresAt(),
                Math.max(0, Duration.between(now, row.expiresAt()).toSeconds()), status);
    }

    /**
     * Support staff verify codes at the support desk, which decides nothing: a support account that could also look up
     * and approve could link a customer's console to itself, or to whoever it passed the code to.
     */
    private static void decidesLinks(Account account) {
        if (account.has(Role.SUPPORT)) {
            throw ApiProblem.of(ProblemType.SUPPORT_CANNOT_LINK);
        }
    }

    private String deviceName(PendingLinkStore.Row row) {
        return LinkWording.shownName(row.deviceName(), appName(row));
    }

    /** A pending, unexpired link for this code; a wrong code counts against the approver (RFC 8628 §5.1). */
    private PendingLinkStore.Row find(UserCode code, Approver approver) {
        decidesLinks(approver.account()); // before the code: a support account learns nothing here, and spends no attempt
        var counted = attempts.subjects(approver.account().id(), approver.address());
        var attempt = attempts.attempt(counted);
        if (attempt.refused()) {
            if (attempt.lockedNow().contains(counted.getFirst()) || attempt.lockedNow().contains(counted.get(1))) {
                activity.record(Activity.of(ActivityKind.LOCKED_OUT, approver.account().id()));
            }
            if (attempt.crowded()) {
                throw ApiProblem.crowded(attempt.refusedFor().orElseThrow());
            }
            throw ApiProblem.tooManyAttempts(attempt.refusedFor().orElseThrow());
        }
        var row = links.findByUserCode(hash.of(KeyedHash.Kind.USER_CODE, code.value())).orElse(null);
        if (row == null) {
            attempts.wrong(counted);
            throw ApiProblem.of(ProblemType.CODE_NOT_FOUND);
        }
        attempts.found(counted);
        if (row.status() != LinkStatus.PENDING) {
            throw new ApiProblem(ProblemType.CODE_USED, switch (row.status()) {
                case DENIED -> "problem.code-used.denied";
                case AWAITING_PARENT -> "problem.code-used.awaiting-parent";
                default -> "problem.code-used.approved";
            }, code.display());
        }
        if (row.expiredAt(clock.instant())) {
            throw ApiProblem.of(ProblemType.CODE_EXPIRED);
        }
        refuseBySetting(row, approver);
        return row;
    }

    /**
     * The approver's own linking setting: off, or home while they are not on the device's network (the judgement
     * behind the confirmation's warning). A refusal is kept in the code's story, for support.
     */
    private void refuseBySetting(PendingLinkStore.Row row, Approver approver) {
        String linking = accounts.linking(approver.account().id()).linking();
        boolean refused = switch (linking) {
            case LinkingSetting.OFF -> true;
            case LinkingSetting.HOME -> Networks.differ(row.clientAddress(), approver.address());
            default -> false;
        };
        if (refused) {
            links.refusedBySetting(row.id(), approver.account().id(), linking, clock.instant());
            throw new ApiProblem(ProblemType.LINKING_OFF, "problem.linking-off." + linking);
        }
    }

    private PendingLink view(UserCode code, PendingLinkStore.Row row, Approver approver, boolean seenByOthers) {
        Instant now = clock.instant();
        return new PendingLink(code.display(), row.clientId(), appName(row), row.deviceName(), row.deviceModel(),
                Arrays.stream(row.scope().split(" ")).filter(s -> !s.isBlank()).toList(),
                Networks.describe(row.clientAddress()),
                Networks.differ(row.clientAddress(), approver.address()),
                row.requestedAt(), row.expiresAt(), Math.max(0, Duration.between(now, row.expiresAt()).toSeconds()),
                policies.signsOut(row.clientId(), approver.account()), seenByOthers);
    }

    private String appName(PendingLinkStore.Row row) {
        return policies.appName(row.clientId());
    }
}
