package org.devicelink.server.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.FamilyRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.PendingLink;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.AccountChanges;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.activity.Activity;
import org.devicelink.server.activity.ActivityKind;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.devices.LinkedDevices;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.PathIds;
import org.devicelink.server.limits.CodeIssuance;
import org.devicelink.server.notify.ApprovalNotifier;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.server.store.EndReason;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkStatus;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.Sql;

/** The approver's side of a link: look a code up, approve it for an account, or deny it. */
public final class PendingLinks {

    private final Sql sql;
    private final Accounts accounts;
    private final PendingLinkStore links;
    private final LinkedDeviceStore devices;
    private final DeviceAppStore apps;
    private final CodeAttempts attempts;
    private final CodeIssuance issuance;
    private final ActivityRecorder activity;
    private final ApprovalNotifier notifier;
    private final AccountChanges changes;
    private final KeyedHash hash;
    private final Clock clock;
    private final int maxDevicesPerAccount;

    /**
     * @param attempts the wrong codes an account, an address block and the whole deployment may try (RFC 8628 §5.1)
     * @param issuance told of a reported device, so its network gets fewer codes
     */
    public PendingLinks(Sql sql, Accounts accounts, PendingLinkStore links, LinkedDeviceStore devices, DeviceAppStore apps, CodeAttempts attempts,
                        CodeIssuance issuance, ActivityRecorder activity, ApprovalNotifier notifier, AccountChanges changes,
                        KeyedHash hash, Clock clock, int maxDevicesPerAccount) {
        this.sql = sql;
        this.accounts = accounts;
        this.links = links;
        this.devices = devices;
        this.apps = apps;
        this.attempts = attempts;
        this.issuance = issuance;
        this.activity = activity;
        this.notifier = notifier;
        this.changes = changes;
        this.hash = hash;
        this.clock = clock;
        this.maxDevicesPerAccount = maxDevicesPerAccount;
    }

    /** Who is asking and from where: the approver's account and network address. */
    public record Approver(Account account, String address) {}

    public PendingLink lookup(String codeInput, Approver approver) {
        var found = find(codeInput, approver);
        boolean seenByOthers = links.lookedUp(found.row().id(), approver.account().id(), clock.instant());
        return view(found.code(), found.row(), approver, seenByOthers);
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
    public Approval approve(String codeInput, ApproveRequest request, Approver approver) {
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
        var found = find(codeInput, approver);
        var row = found.row();
        if (me.isChild()) {
            return sql.inTransaction(() -> {
                if (!links.awaitParent(row.id(), me.id(), clock.instant())) {
                    throw new ApiProblem(ProblemType.CODE_USED, "problem.code-used.race");
                }
                activity.record(new Activity(ActivityKind.ASKED_A_PARENT, me.id(), null, deviceName(row), row.clientId(), null));
                changes.changed(me); // the parents' Requests screens
                return new Approval.AwaitingParent(familyView(links.find(row.id()).orElseThrow(), me.displayName()));
            });
        }
        String replace = request == null ? null : request.replace();
        if (replace != null) {
            replace = PathIds.uuid(replace, ProblemType.DEVICE_NOT_FOUND);
        }
        return new Approval.Linked(link(row, LinkStatus.PENDING, ownerId, me, replace));
    }

    /**
     * Links the request's device to {@code ownerId}, approved by {@code approver}, if it is still {@code from}, and the
     * device's held polls learn of it. The owner's row is held first, so approvals for one owner on any node take
     * turns: the limits below count what is there, not what two approvals see at once. {@code replace} (an active
     * device of the same app, the owner's) is unlinked in the same step. Then the account's limit, and the app's:
     * one console at a time signs the older ones out; a most-devices limit refuses, naming that app's devices.
     */
    LinkedDevice link(PendingLinkStore.Row row, LinkStatus from, String ownerId, Account approver, String replace) {
        decidesLinks(approver);
        return sql.inTransaction(() -> {
            Instant now = clock.instant();
            accounts.lock(ownerId);
            devices.endUncollected(ownerId, now); // approved long ago, never collected: not linked, not counted
            var app = apps.find(row.clientId()).orElseThrow();
            var ofApp = devices.activeOfApp(ownerId, row.clientId());
            if (replace != null) {
                var old = ofApp.stream().filter(d -> d.id().equals(replace)).findFirst().orElseThrow(() -> ApiProblem.of(ProblemType.DEVICE_NOT_FOUND));
                devices.end(old.id(), DeviceStatus.UNLINKED, EndReason.UNLINKED_BY_OWNER, now);
                activity.record(new Activity(ActivityKind.UNLINKED, ownerId, old.id(), old.name(), old.clientId(),
                        ownerId.equals(approver.id()) ? null : approver.displayName()));
                ofApp = ofApp.stream().filter(d -> !d.id().equals(replace)).toList();
            }
            if (devices.countActive(ownerId) >= maxDevicesPerAccount) {
                throw ApiProblem.of(ProblemType.DEVICE_LIMIT_REACHED);
            }
            if (app.oneActive()) {
                for (var older : ofApp) {
                    devices.end(older.id(), DeviceStatus.UNLINKED, EndReason.REPLACED, now);
                    activity.record(new Activity(ActivityKind.REPLACED, ownerId, older.id(), older.name(), older.clientId(), deviceName(row)));
                }
            } else if (app.maxDevices() != null && ofApp.size() >= app.maxDevices()) {
                throw new ApiProblem(ProblemType.DEVICE_LIMIT_REACHED, "problem.device-limit-reached.app", app.displayName(), app.maxDevices(),
                        String.join(", ", ofApp.stream().map(LinkedDeviceStore.Device::name).toList()));
            }
            String deviceId = UUID.randomUUID().toString();
            String name = deviceName(row);
            devices.insert(deviceId, ownerId, approver.id(), row.clientId(), name, row.deviceModel(), row.scope(), now);
            if (!links.approve(row.id(), from, approver.id(), deviceId, now)) {
                throw new ApiProblem(ProblemType.CODE_USED, "problem.code-used.race");
            }
            String by = ownerId.equals(approver.id()) ? null : approver.displayName();
            activity.record(new Activity(ActivityKind.LINKED, ownerId, deviceId, name, row.clientId(), by));
            if (links.seenByOthers(row.id())) { // the owner hears of it where they look for what happened
                activity.record(new Activity(ActivityKind.SEEN_BY_OTHERS, ownerId, deviceId, name, row.clientId(), null));
            }
            notifier.decided(row.deviceCodeHash());
            changes.changed(approver);
            return LinkedDevices.view(devices.find(deviceId).orElseThrow());
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
            if (report) {
                issuance.reported(row.clientAddress());
            }
            notifier.decided(row.deviceCodeHash());
            changes.changed(decider);
            return null;
        });
    }

    public void deny(String codeInput, boolean report, Approver approver) {
        deny(find(codeInput, approver).row(), LinkStatus.PENDING, report, approver.account().id(), approver.account());
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
        return row.deviceName() != null ? row.deviceName() : appName(row);
    }

    private record Found(UserCode code, PendingLinkStore.Row row) {}

    /** A pending, unexpired link for this code; a wrong code counts against the approver (RFC 8628 §5.1). */
    private Found find(String codeInput, Approver approver) {
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
        UserCode code = switch (UserCode.parse(codeInput)) {
            case UserCode.Parsed.Valid(UserCode c) -> c;
            case UserCode.Parsed.Invalid invalid -> {
                attempts.wrong(counted);
                throw new ApiProblem(ProblemType.CODE_INVALID, invalid.messageKey(), invalid.messageArguments());
            }
        };
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
        return new Found(code, row);
    }

    private PendingLink view(UserCode code, PendingLinkStore.Row row, Approver approver, boolean seenByOthers) {
        Instant now = clock.instant();
        return new PendingLink(code.display(), row.clientId(), appName(row), row.deviceName(), row.deviceModel(),
                Arrays.stream(row.scope().split(" ")).filter(s -> !s.isBlank()).toList(),
                Networks.describe(row.clientAddress()),
                Networks.differ(row.clientAddress(), approver.address()),
                row.requestedAt(), row.expiresAt(), Math.max(0, Duration.between(now, row.expiresAt()).toSeconds()),
                signsOut(row.clientId(), approver.account()), seenByOthers);
    }

    /**
     * The consoles an approval would sign out, where the app allows one at a time: the approver's ("me") and, for a
     * parent, each child's it could go to (the chooser's choices).
     */
    private java.util.Map<String, java.util.List<String>> signsOut(String clientId, Account approver) {
        if (!apps.find(clientId).map(DeviceAppStore.App::oneActive).orElse(false)) {
            return java.util.Map.of();
        }
        var byOwner = new java.util.LinkedHashMap<String, java.util.List<String>>();
        for (String owner : accounts.whose(approver, approver.isParent() ? Accounts.ALL_MEMBERS : ApproveRequest.ME)) {
            var names = devices.activeOfApp(owner, clientId).stream().map(LinkedDeviceStore.Device::name).toList();
            if (!names.isEmpty()) {
                byOwner.put(owner.equals(approver.id()) ? ApproveRequest.ME : owner, names);
            }
        }
        return byOwner;
    }

    private String appName(PendingLinkStore.Row row) {
        return apps.find(row.clientId()).map(DeviceAppStore.App::displayName).orElse(row.clientId());
    }
}
