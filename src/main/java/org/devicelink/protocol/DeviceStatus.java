package org.devicelink.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a linked device stands: {@code active}, {@code unlinked} (by its owner or itself) or {@code revoked} (a stolen
 * refresh token was detected).
 */
public enum DeviceStatus {
    ACTIVE, UNLINKED, REVOKED;

    /** How it travels in JSON: {@code active}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
