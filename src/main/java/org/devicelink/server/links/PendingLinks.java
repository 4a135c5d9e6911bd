package org.devicelink.server.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.devicelink.code.UserCode;
import org.devicelink.protocol.ApproveRequest;
import org.devicelink.protocol.LinkedDevice;
import org.devicelink.protocol.PendingLink;
import org.devicelink.protocol.ProblemType;
import org.devicelink.server.ApiProblem;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.devices.LinkedDevices;
import org.devicelink.server.oauth.DeviceApp;
import org.devicelink.server.oauth.DeviceApps;
import org.devicelink.server.oauth.DeviceAuthorizations;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.Sql;

/** The approver's side of a link: look a code up, approve it for an account, or deny it. */
public final class PendingLinks {

    private final Sql sql;
    private final PendingLinkStore links;
    private final LinkedDeviceStore devices;
    private final DeviceApps apps;
    private final AttemptLimiter limiter;
    private final KeyedHash hash;
    private final Clock clock;
    private final int maxDevicesPerAccount;

    public PendingLinks(Sql sql, PendingLinkStore links, LinkedDeviceStore devices, DeviceApps apps, AttemptLimiter limiter,
                        KeyedHash hash, Clock clock, int maxDevicesPerAccount) {
        this.sql = sql;
        this.links = links;
        this.devices = devices;
        this.apps = apps;
        this.limiter = limiter;
        this.hash = hash;
        this.clock = clock;
        this.maxDevicesPerAccount = maxDevicesPerAccount;
    }

    /** Who is asking and from where: the approver's account and network address. */
    public record Approver(Account account, String address) {}

    public PendingLink lookup(String codeInput, Approver approver) {
        var found = find(codeInput, approver);
        return view(found.code(), found.row(), approver);
    }

    public LinkedDevice approve(String codeInput, ApproveRequest request, Approver approver) {
        String account = request == null || request.account() == null ? ApproveRequest.ME : request.account();
        if (!ApproveRequest.ME.equals(account) && !account.equals(approver.account().id())) {
            throw new ApiProblem(ProblemType.NOT_ALLOWED, "You can link devices to your own account only.");
        }
        var found = find(codeInput, approver);
        String ownerId = approver.account().id();
        return sql.inTransaction(() -> {
            if (devices.countActive(ownerId) >= maxDevicesPerAccount) {
                throw new ApiProblem(ProblemType.DEVICE_LIMIT_REACHED, "This account already has " + maxDevicesPerAccount
                        + " linked devices, the most it may have. Unlink one you no longer use, then try again.");
            }
            var row = found.row();
            String deviceId = UUID.randomUUID().toString();
            String name = row.deviceName() != null ? row.deviceName() : appName(row);
            Instant now = clock.instant();
            devices.insert(deviceId, ownerId, approver.account().id(), row.clientId(), name, row.deviceModel(), row.scope(), now);
            if (!links.approve(row.id(), approver.account().id(), deviceId, now)) {
                throw new ApiProblem(ProblemType.CODE_USED, "Someone approved or denied this code a moment ago.");
            }
            return LinkedDevices.view(devices.find(deviceId).orElseThrow());
        });
    }

    public void deny(String codeInput, boolean report, Approver approver) {
        var found = find(codeInput, approver);
        if (!links.deny(found.row().id(), approver.account().id(), report, clock.instant())) {
            throw new ApiProblem(ProblemType.CODE_USED, "Someone approved or denied this code a moment ago.");
        }
    }

    private record Found(UserCode code, PendingLinkStore.Row row) {}

    /** A pending, unexpired link for this code, counting wrong codes against the approver. */
    private Found find(String codeInput, Approver approver) {
        limiter.checkNotLocked(approver.account().id(), approver.address());
        UserCode code = switch (UserCode.parse(codeInput)) {
            case UserCode.Parsed.Valid(UserCode c) -> c;
            case UserCode.Parsed.Invalid invalid -> {
                limiter.recordFailure(approver.account().id(), approver.address());
                throw new ApiProblem(ProblemType.CODE_INVALID, invalid.message());
            }
        };
        var row = links.findByUserCode(hash.of(DeviceAuthorizations.USER_CODE_KIND, code.value())).orElse(null);
        if (row == null) {
            limiter.recordFailure(approver.account().id(), approver.address());
            throw new ApiProblem(ProblemType.CODE_NOT_FOUND, "No device is waiting with the code " + code.display()
                    + ". Check it against the code on your device's screen.");
        }
        if (!PendingLinkStore.PENDING.equals(row.status())) {
            throw new ApiProblem(ProblemType.CODE_USED, "The code " + code.display() + " has already been "
                    + (PendingLinkStore.DENIED.equals(row.status()) ? "denied" : "approved")
                    + ". If your device still shows it, ask the device for a new code.");
        }
        if (row.expiredAt(clock.instant())) {
            throw new ApiProblem(ProblemType.CODE_EXPIRED, "The code " + code.display()
                    + " has expired. Ask the device for a new code.");
        }
        return new Found(code, row);
    }

    private PendingLink view(UserCode code, PendingLinkStore.Row row, Approver approver) {
        Instant now = clock.instant();
        return new PendingLink(code.display(), row.clientId(), appName(row), row.deviceName(), row.deviceModel(),
                Arrays.stream(row.scope().split(" ")).filter(s -> !s.isBlank()).toList(),
                Networks.describe(row.clientAddress()),
                Networks.networkOf(row.clientAddress()).equals(Networks.networkOf(approver.address())),
                row.requestedAt(), row.expiresAt(), Math.max(0, Duration.between(now, row.expiresAt()).toSeconds()));
    }

    private String appName(PendingLinkStore.Row row) {
        return apps.find(row.clientId()).map(DeviceApp::displayName).orElse(row.clientId());
    }
}
