package org.devicelink.protocol;

import java.time.Instant;

/**
 * A device linked to an account, as the devices table shows it.
 *
 * @param status {@code active}, {@code unlinked} (by its owner or itself) or {@code revoked} (a stolen refresh
 *               token was detected)
 */
public record LinkedDevice(
        String id,
        String name,
        String model,
        String appId,
        String appName,
        Instant linkedAt,
        Instant lastActiveAt,
        String status) {

    public static final String ACTIVE = "active";
    public static final String UNLINKED = "unlinked";
    public static final String REVOKED = "revoked";
}
