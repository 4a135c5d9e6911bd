package org.devicelink.server.devices;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.DisplayText;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.RenameRequest;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.activity.Activity;
import org.devicelink.server.activity.ActivityKind;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.store.EndReason;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.Sql;

/** An owner's linked devices: list, rename, unlink. Another account's device is reported as not found. */
public final class LinkedDevices {

    static final int MAX_LISTED = 500;

    private final Sql sql;
    private final LinkedDeviceStore devices;
    private final ActivityRecorder activity;
    private final Clock clock;

    public LinkedDevices(Sql sql, LinkedDeviceStore devices, ActivityRecorder activity, Clock clock) {
        this.sql = sql;
        this.devices = devices;
        this.activity = activity;
        this.clock = clock;
    }

    public List<LinkedDevice> list(Account owner) {
        devices.endUncollected(owner.id(), clock.instant());
        return devices.listForAccount(owner.id(), MAX_LISTED).stream().map(LinkedDevices::view).toList();
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
            var before = devices.find(id).filter(d -> d.accountId().equals(owner.id())).orElseThrow(LinkedDevices::notFound);
            devices.rename(id, owner.id(), name);
            activity.record(new Activity(ActivityKind.RENAMED, owner.id(), id, before.name(), before.clientId(), name));
            return view(devices.find(id).orElseThrow());
        });
    }

    public LinkedDevice unlink(Account owner, String deviceId) {
        String id = checkedId(deviceId);
        return sql.inTransaction(() -> {
            var device = devices.find(id).filter(d -> d.accountId().equals(owner.id())).orElseThrow(LinkedDevices::notFound);
            if (devices.end(device.id(), DeviceStatus.UNLINKED, EndReason.UNLINKED_BY_OWNER, clock.instant())) {
                activity.record(new Activity(ActivityKind.UNLINKED, owner.id(), device.id(), device.name(), device.clientId(), null));
            }
            return view(devices.find(device.id()).orElseThrow());
        });
    }

    public static LinkedDevice view(LinkedDeviceStore.Device d) {
        return new LinkedDevice(d.id(), d.name(), d.model(), d.clientId(), d.appName(), d.linkedAt(), d.lastActiveAt(), d.status());
    }

    /** Device ids are UUIDs, kept in lower case; anything else names no device. */
    private static String checkedId(String deviceId) {
        try {
            return UUID.fromString(deviceId).toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound();
        }
    }

    private static ApiProblem notFound() {
        return ApiProblem.of(ProblemType.DEVICE_NOT_FOUND);
    }
}
