package org.devicelink.server.devices;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.ProblemType;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.Accounts;
import org.devicelink.server.activity.Activity;
import org.devicelink.server.activity.ActivityKind;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.server.store.EndReason;
import org.devicelink.server.store.LinkedDeviceStore;

/**
 * What an account and an app allow a new device: the account's most devices, and the app's one console at a time (the
 * older ones are signed out) or most devices (refused, naming them). It admits a device only within them.
 */
public final class DevicePolicies {

    private final Accounts accounts;
    private final LinkedDeviceStore devices;
    private final DeviceAppStore apps;
    private final ActivityRecorder activity;
    private final int maxDevicesPerAccount;

    public DevicePolicies(Accounts accounts, LinkedDeviceStore devices, DeviceAppStore apps, ActivityRecorder activity,
            int maxDevicesPerAccount) {
        this.accounts = accounts;
        this.devices = devices;
        this.apps = apps;
        this.activity = activity;
        this.maxDevicesPerAccount = maxDevicesPerAccount;
    }

    /** A device to admit: whose it becomes, its app, and what it said of itself. */
    public record NewDevice(String ownerId, String clientId, String name, String model, String scope) {}

    /**
     * Admits {@code device}, approved by {@code approver}, inside the caller's transaction. The owner's row is held
     * first, so approvals for one owner on any node take turns: the limits count what is there, not what two approvals
     * see at once. {@code replace} (an active device of the same app, the owner's) is unlinked in the same step.
     */
    public LinkedDevice admit(NewDevice device, Account approver, String replace, Instant now) {
        String ownerId = device.ownerId();
        accounts.lock(ownerId);
        devices.endUncollected(ownerId, now); // approved long ago, never collected: not linked, not counted
        var app = apps.find(device.clientId()).orElseThrow();
        var ofApp = devices.activeOfApp(ownerId, device.clientId());
        String by = ownerId.equals(approver.id()) ? null : approver.displayName();
        if (replace != null) {
            var old = ofApp.stream().filter(d -> d.id().equals(replace)).findFirst()
                    .orElseThrow(() -> ApiProblem.of(ProblemType.DEVICE_NOT_FOUND));
            devices.end(old.id(), DeviceStatus.UNLINKED, EndReason.UNLINKED_BY_OWNER, now);
            activity.record(new Activity(ActivityKind.UNLINKED, ownerId, old.id(), old.name(), old.clientId(), by));
            ofApp = ofApp.stream().filter(d -> !d.id().equals(replace)).toList();
        }
        if (devices.countActive(ownerId) >= maxDevicesPerAccount) {
            throw ApiProblem.of(ProblemType.DEVICE_LIMIT_REACHED);
        }
        if (app.oneActive()) {
            for (var older : ofApp) {
                devices.end(older.id(), DeviceStatus.UNLINKED, EndReason.REPLACED, now);
                activity.record(new Activity(ActivityKind.REPLACED, ownerId, older.id(), older.name(), older.clientId(), device.name()));
            }
        } else if (app.maxDevices() != null && ofApp.size() >= app.maxDevices()) {
            throw new ApiProblem(ProblemType.DEVICE_LIMIT_REACHED, "problem.device-limit-reached.app", app.displayName(), app.maxDevices(),
                    String.join(", ", ofApp.stream().map(LinkedDeviceStore.Device::name).toList()));
        }
        String deviceId = UUID.randomUUID().toString();
        devices.insert(deviceId, ownerId, approver.id(), device.clientId(), device.name(), device.model(), device.scope(), now);
        return LinkedDevices.view(devices.find(deviceId).orElseThrow());
    }

    /**
     * The consoles an approval would sign out, where the app allows one at a time: the approver's ("me") and, for a
     * parent, each child's it could go to (the chooser's choices).
     */
    public Map<String, List<String>> signsOut(String clientId, Account approver) {
        if (!apps.find(clientId).map(DeviceAppStore.App::oneActive).orElse(false)) {
            return Map.of();
        }
        var byOwner = new LinkedHashMap<String, List<String>>();
        for (String owner : accounts.whose(approver, approver.isParent() ? Accounts.ALL_MEMBERS : ApproveRequest.ME)) {
            var names = devices.activeOfApp(owner, clientId).stream().map(LinkedDeviceStore.Device::name).toList();
            if (!names.isEmpty()) {
                byOwner.put(owner.equals(approver.id()) ? ApproveRequest.ME : owner, names);
            }
        }
        return byOwner;
    }

    /** What people call an app: its registered name, or its id when it has gone since. */
    public String appName(String clientId) {
        return apps.find(clientId).map(DeviceAppStore.App::displayName).orElse(clientId);
    }
}
