package org.devicelink.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * RFC 6749 §5.2 error body of the OAuth endpoints. Devices in the field parse exactly this shape, so the OAuth
 * endpoints answer with it (and not with problem documents) even for malformed requests. {@code interval} is
 * sent with {@code slow_down} so a device learns the new pace without counting.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthError(String error, String errorDescription, Integer interval) {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String UNSUPPORTED_TOKEN_TYPE = "unsupported_token_type";
    public static final String AUTHORIZATION_PENDING = "authorization_pending";
    public static final String SLOW_DOWN = "slow_down";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String EXPIRED_TOKEN = "expired_token";

    public OAuthError(String error, String errorDescription) {
        this(error, errorDescription, null);
    }
}
