package org.devicelink.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * RFC 6749 §5.1: tokens for a linked device. {@code linkedAccount} (an extension parameter) is the display name of
 * the account the device now belongs to, so the device can say "linked to Alex" without decoding its token.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        String accessToken,
        String tokenType,
        long expiresIn,
        String refreshToken,
        String scope,
        String linkedAccount) {}
