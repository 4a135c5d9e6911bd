package org.devicelink.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** RFC 8628 §3.2: the answer to {@code POST /oauth2/device_authorization}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceAuthorization(
        String deviceCode,
        String userCode,
        String verificationUri,
        String verificationUriComplete,
        long expiresIn,
        int interval) {

    /**
     * Our extension of the server's RFC 8414 metadata: the most seconds a device-code token poll may ask to be held
     * ({@code Prefer: wait=N}, RFC 7240) and answered the moment its code is decided. Absent: polls are never held.
     */
    public static final String POLL_WAIT_METADATA = "device_code_poll_wait_max";
}
