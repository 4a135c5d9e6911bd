package org.devicelink.protocol;

import java.time.Instant;

/** A device linked to an account, as the devices table shows it. */
public record LinkedDevice(
        String id,
        String name,
        String model,
        String appId,
        String appName,
        Instant linkedAt,
        Instant lastActiveAt,
        DeviceStatus status) {}
