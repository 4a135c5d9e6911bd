package org.devicelink.protocol;

import java.time.Instant;

/**
 * A device linked to an account, as the devices table shows it.
 *
 * @param accountId   whose device it is: the signed-in person's, or (for a parent) a child's
 * @param accountName that account's name
 */
public record LinkedDevice(
        String id,
        String name,
        String model,
        String appId,
        String appName,
        Instant linkedAt,
        Instant lastActiveAt,
        DeviceStatus status,
        String accountId,
        String accountName) {}
