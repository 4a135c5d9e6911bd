package org.devicelink.server.devices;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.RenameRequest;
import org.devicelink.server.ApiProblem;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.store.LinkedDeviceStore;

/** An owner's linked devices: list, rename, unlink. Another account's device is reported as not found. */
public final class LinkedDevices {

    static final int MAX_LISTED = 500;

    private final LinkedDeviceStore devices;
    private final Clock clock;

    public LinkedDevices(LinkedDeviceStore devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    public List<LinkedDevice> list(Account owner) {
        return devices.listForAccount(owner.id(), MAX_LISTED).stream().map(LinkedDevices::view).toList();
    }

    public LinkedDevice rename(Account owner, String deviceId, RenameRequest request) {
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "Give the device a name.");
        }
        if (name.length() > RenameRequest.MAX_NAME_LENGTH) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "Device names have at most " + RenameRequest.MAX_NAME_LENGTH + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "Device names cannot contain control characters.");
        }
        if (!devices.rename(checkedId(deviceId), owner.id(), name)) {
            throw notFound();
        }
        return view(devices.find(deviceId).orElseThrow());
    }

    public LinkedDevice unlink(Account owner, String deviceId) {
        var device = devices.find(checkedId(deviceId)).filter(d -> d.accountId().equals(owner.id())).orElseThrow(LinkedDevices::notFound);
        devices.end(device.id(), LinkedDeviceStore.UNLINKED, "unlinked-by-owner", clock.instant());
        return view(devices.find(device.id()).orElseThrow());
    }

    public static LinkedDevice view(LinkedDeviceStore.Device d) {
        return new LinkedDevice(d.id(), d.name(), d.model(), d.clientId(), d.appName(), d.linkedAt(), d.lastActiveAt(), d.status());
    }

    private static String checkedId(String deviceId) {
        try {
            return UUID.fromString(deviceId).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound();
        }
    }

    private static ApiProblem notFound() {
        return new ApiProblem(ProblemType.DEVICE_NOT_FOUND, "No device with this id is linked to your account. Refresh the list.");
    }
}
