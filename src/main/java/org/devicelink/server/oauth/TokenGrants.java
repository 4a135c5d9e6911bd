package org.devicelink.server.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.TokenResponse;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.PendingLinkStore;
import org.devicelink.server.store.Sql;

/**
 * {@code POST /oauth2/token}: the device-code grant (RFC 8628 §3.4–3.5) and the refresh-token grant with rotation
 * and reuse detection.
 */
public final class TokenGrants {

    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String REFRESH_TOKEN_GRANT = "refresh_token";

    private final Sql sql;
    private final PendingLinkStore links;
    private final LinkedDeviceStore devices;
    private final DeviceTokens tokens;
    private final KeyedHash hash;
    private final Clock clock;

    public TokenGrants(Sql sql, PendingLinkStore links, LinkedDeviceStore devices, DeviceTokens tokens, KeyedHash hash, Clock clock) {
        this.sql = sql;
        this.links = links;
        this.devices = devices;
        this.tokens = tokens;
        this.hash = hash;
        this.clock = clock;
    }

    public TokenResponse grant(String grantType, String clientId, String deviceCode, String refreshToken) {
        Params.required(grantType, "grant_type", 128);
        Params.required(clientId, "client_id", 64);
        return switch (grantType) {
            case DEVICE_CODE_GRANT -> redeemDeviceCode(clientId, Params.required(deviceCode, "device_code", 128));
            case REFRESH_TOKEN_GRANT -> refresh(clientId, Params.required(refreshToken, "refresh_token", 128));
            default -> throw new OAuthProblem(OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "Supported grant types: " + DEVICE_CODE_GRANT + ", " + REFRESH_TOKEN_GRANT + ".");
        };
    }

    private TokenResponse redeemDeviceCode(String clientId, String deviceCode) {
        // millisecond precision, so the value read back from either database compares equal in recordPoll
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var link = links.findByDeviceCode(hash.of(DeviceAuthorizations.DEVICE_CODE_KIND, deviceCode))
                .filter(l -> l.clientId().equals(clientId))
                .orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT, "Unknown device_code for this client."));
        return switch (link.status()) {
            case PendingLinkStore.PENDING -> {
                if (link.expiredAt(now)) {
                    throw expired();
                }
                pace(link, now);
                throw new OAuthProblem(OAuthError.AUTHORIZATION_PENDING, "Waiting for the person to approve on their DeviceLink app.");
            }
            case PendingLinkStore.DENIED -> throw new OAuthProblem(OAuthError.ACCESS_DENIED, "The request was denied.");
            case PendingLinkStore.APPROVED -> {
                if (link.expiredAt(now)) {
                    throw expired();
                }
                yield handOver(link);
            }
            default -> throw new OAuthProblem(OAuthError.INVALID_GRANT, "This device_code has already been used.");
        };
    }

    /** RFC 8628 §3.5 slow_down: polls closer together than the interval (less a fifth for jitter) are refused. */
    private void pace(PendingLinkStore.Row link, Instant now) {
        Instant previous = link.lastPolledAt();
        Duration tolerance = Duration.ofSeconds(link.pollInterval()).dividedBy(5);
        boolean tooSoon = previous != null
                && now.isBefore(previous.plusSeconds(link.pollInterval()).minus(tolerance));
        if (tooSoon || !links.recordPoll(link.id(), previous, now)) {
            int interval = links.slowDown(link.id(), now);
            throw new OAuthProblem(OAuthError.SLOW_DOWN, "Polling too fast: wait " + interval + " seconds between polls.", interval);
        }
    }

    private TokenResponse handOver(PendingLinkStore.Row link) {
        return sql.inTransaction(() -> {
            if (!links.redeem(link.id())) {
                throw new OAuthProblem(OAuthError.INVALID_GRANT, "This device_code has already been used.");
            }
            var device = devices.find(link.deviceId()).filter(d -> LinkedDeviceStore.ACTIVE.equals(d.status()))
                    .orElseThrow(() -> new OAuthProblem(OAuthError.ACCESS_DENIED, "The device was unlinked before it collected its tokens."));
            return tokens.issue(device);
        });
    }

    private TokenResponse refresh(String clientId, String refreshToken) {
        Instant now = clock.instant();
        String tokenHash = hash.of(DeviceTokens.REFRESH_TOKEN_KIND, refreshToken);
        // empty: a used refresh token came back, so someone holds a copy; the transaction that ends the session
        // commits before the error is thrown, so the revocation sticks
        Optional<TokenResponse> issued = sql.inTransaction(() -> {
            var token = devices.findRefreshToken(tokenHash)
                    .orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT, "Unknown refresh token: link the device again."));
            var device = devices.find(token.deviceId()).orElseThrow();
            if (!device.clientId().equals(clientId)) {
                throw new OAuthProblem(OAuthError.INVALID_GRANT, "This refresh token was issued to another client.");
            }
            if (!LinkedDeviceStore.ACTIVE.equals(device.status())) {
                throw new OAuthProblem(OAuthError.INVALID_GRANT, endedMessage(device));
            }
            if (token.rotatedAt() != null) {
                devices.end(device.id(), LinkedDeviceStore.REVOKED, "refresh-token-reuse", now); // OAuth 2.1 §4.3.1
                return Optional.empty();
            }
            if (!now.isBefore(token.expiresAt())) {
                throw new OAuthProblem(OAuthError.INVALID_GRANT, "The refresh token has expired: link the device again.");
            }
            if (!devices.rotate(tokenHash, now)) { // two uses of one token raced: the same as a replay
                devices.end(device.id(), LinkedDeviceStore.REVOKED, "refresh-token-reuse", now);
                return Optional.empty();
            }
            return Optional.of(tokens.issue(device));
        });
        return issued.orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT,
                "This refresh token was already used, so the device's session has been ended for safety. Link the device again."));
    }

    private static String endedMessage(LinkedDeviceStore.Device device) {
        return switch (String.valueOf(device.endReason())) {
            case "refresh-token-reuse" -> "The device's session was ended because a refresh token was reused. Link the device again.";
            case "signed-out" -> "The device signed out. Link it again.";
            default -> "The device was unlinked from its account. Link it again.";
        };
    }

    private static OAuthProblem expired() {
        return new OAuthProblem(OAuthError.EXPIRED_TOKEN, "The code has expired: start over to get a new one.");
    }
}
