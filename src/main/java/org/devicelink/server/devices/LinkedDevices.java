package org.devicelink.server.devices;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.DisplayText;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.RenameRequest;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.AccountChanges;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.activity.Activity;
import org.devicelink.server.activity.ActivityKind;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.PathIds;
import org.devicelink.server.notices.Notices;
import org.devicelink.server.notices.UnwantedLinks;
import org.devicelink.server.store.EndReason;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.Sql;
import org.devicelink.server.store.UnwantedLinkStore;

/**
 * An owner's linked devices: list, rename, unlink. A parent may do the same with their children's devices; any other
 * account's device is reported as not found.
 */
public final class LinkedDevices {

    public static final int MAX_LISTED = 500;

    /** {@code ?member=} for a parent's whole family. */

    private final Sql sql;
    private final Accounts accounts;
    private final LinkedDeviceStore devices;
    private final ActivityRecorder activity;
    private final AccountChanges changes;
    private final Notices notices;
    private final UnwantedLinks unwanted;
    private final Clock clock;

    public LinkedDevices(Sql sql, Accounts accounts, LinkedDeviceStore devices, ActivityRecorder activity, AccountChanges changes,
            Notices notices, UnwantedLinks unwanted, Clock clock) {
        this.sql = sql;
        this.notices = notices;
        this.unwanted = unwanted;
        this.changes = changes;
        this.accounts = accounts;
        this.devices = devices;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * The devices of {@code member}: the caller's own when null or "me"; for a parent, "all" (theirs and their
     * children's) or one child's id.
     */
    public List<LinkedDevice> list(Account me, String member) {
        List<String> owners = accounts.whose(me, member);
        owners.forEach(id -> devices.endUncollected(id, clock.instant()));
        return devices.listForAccounts(owners, MAX_LISTED).stream().map(LinkedDevices::view).toList();
    }

    public LinkedDevice rename(Account owner, String deviceId, RenameRequest request) {
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.name-empty");
        }
        if (name.length() > RenameRequest.MAX_NAME_LENGTH) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.name-too-long", RenameRequest.MAX_NAME_LENGTH);
        }
        if (!DisplayText.showable(name)) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.name-control");
        }
        String id = checkedId(deviceId);
        return sql.inTransaction(() -> {
            var before = mine(owner, id);
            devices.rename(id, before.accountId(), name);
            activity.record(new Activity(ActivityKind.RENAMED, before.accountId(), id, before.name(), before.clientId(), name));
            changes.changed(owner);
            return view(devices.find(id).orElseThrow());
        });
    }

    public LinkedDevice unlink(Account owner, String deviceId) {
        String id = checkedId(deviceId);
        return sql.inTransaction(() -> {
            var device = mine(owner, id);
            if (devices.end(device.id(), DeviceStatus.UNLINKED, EndReason.UNLINKED_BY_OWNER, clock.instant())) {
                String by = device.accountId().equals(owner.id()) ? null : owner.displayName();
                activity.record(new Activity(ActivityKind.UNLINKED, device.accountId(), device.id(), device.name(), device.clientId(), by));
                changes.changed(owner);
            }
            return view(devices.find(device.id()).orElseThrow());
        });
    }

    /**
     * "Sign out of all devices": every active device of {@code member} (the caller, or a parent's child) is unlinked,
     * so its next refresh fails; one activity line says so, and the owner is told by email. Returns how many.
     */
    public int signOutEverywhere(Account me, String member) {
        String ownerId = accounts.one(me, member);
        return sql.inTransaction(() -> {
            String by = ownerId.equals(me.id()) ? null : me.displayName();
            int ended = endEverything(ownerId, by);
            notices.signedOutEverywhere(ownerId, ended, by);
            changes.changed(me);
            return ended;
        });
    }

    /** What "This wasn't me" did: the device it named, and how many devices were signed out with it (0 unless asked). */
    public record Unwanted(String deviceName, int signedOut) {}

    /**
     * "This wasn't me", from a new-link notice, by its owner signed in: the link is spent, its device unlinked and,
     * when asked, every other device signed out too; the activity and an email confirm it. Empty when the link was
     * used already or has expired (or is not this account's).
     */
    public Optional<Unwanted> reportUnwanted(Account owner, UnwantedLinkStore.Row link, boolean everywhere) {
        if (!link.accountId().equals(owner.id())) {
            return Optional.empty();
        }
        return sql.inTransaction(() -> {
            if (!unwanted.use(link)) {
                return Optional.empty();
            }
            var device = devices.find(link.deviceId()).orElseThrow(LinkedDevices::notFound);
            devices.end(device.id(), DeviceStatus.UNLINKED, EndReason.UNLINKED_BY_OWNER, clock.instant());
            activity.record(new Activity(ActivityKind.UNWANTED, owner.id(), device.id(), device.name(), device.clientId(), null));
            int signedOut = everywhere ? endEverything(owner.id(), null) : 0;
            notices.unwantedReported(owner.id(), device.name(), everywhere ? signedOut : -1);
            changes.changed(owner);
            return Optional.of(new Unwanted(device.name(), signedOut));
        });
    }

    /** Unlinks every active device of the owner, with one line of activity; returns how many. */
    private int endEverything(String ownerId, String by) {
        accounts.lock(ownerId); // a link approved meanwhile waits, and is not left standing
        int ended = 0;
        for (var device : devices.active(ownerId)) {
            ended += devices.end(device.id(), DeviceStatus.UNLINKED, EndReason.SIGNED_OUT_EVERYWHERE, clock.instant()) ? 1 : 0;
        }
        activity.record(new Activity(ActivityKind.SIGNED_OUT_EVERYWHERE, ownerId, null, null, null, by));
        return ended;
    }

    /** The device, when it is the caller's or their child's. */
    private LinkedDeviceStore.Device mine(Account me, String id) {
        return devices.find(id)
                .filter(d -> d.accountId().equals(me.id()) || accounts.childOf(me, d.accountId()).isPresent())
                .orElseThrow(LinkedDevices::notFound);
    }

    public static LinkedDevice view(LinkedDeviceStore.Device d) {
        return new LinkedDevice(d.id(), d.name(), d.model(), d.clientId(), d.appName(), d.linkedAt(), d.lastActiveAt(), d.status(),
                d.accountId(), d.accountName());
    }

    private static String checkedId(String deviceId) {
        return PathIds.uuid(deviceId, ProblemType.DEVICE_NOT_FOUND);
    }

    private static ApiProblem notFound() {
        return ApiProblem.of(ProblemType.DEVICE_NOT_FOUND);
    }
}
