package org.devicelink.server.oauth;

import java.time.Clock;
import org.devicelink.protocol.OAuthError;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkedDeviceStore;

/**
 * RFC 7009: a device signs out by revoking its refresh token, which ends its session. Unknown tokens are
 * answered with success, as the RFC asks. Access tokens are short-lived JWTs and cannot be revoked one by one.
 */
public final class Revocations {

    private final LinkedDeviceStore devices;
    private final KeyedHash hash;
    private final Clock clock;

    public Revocations(LinkedDeviceStore devices, KeyedHash hash, Clock clock) {
        this.devices = devices;
        this.hash = hash;
        this.clock = clock;
    }

    public void revoke(String clientId, String token, String tokenTypeHint) {
        Params.required(clientId, "client_id", 64);
        Params.required(token, "token", 4096);
        Params.optional(tokenTypeHint, "token_type_hint", 32);
        if ("access_token".equals(tokenTypeHint) || token.chars().filter(c -> c == '.').count() == 2) {
            throw new OAuthProblem(OAuthError.UNSUPPORTED_TOKEN_TYPE,
                    "Access tokens expire on their own; revoke the refresh token to end the device's session.");
        }
        var found = devices.findRefreshToken(hash.of(DeviceTokens.REFRESH_TOKEN_KIND, token));
        if (found.isEmpty()) {
            return;
        }
        var device = devices.find(found.get().deviceId()).orElseThrow();
        if (!device.clientId().equals(clientId)) {
            throw new OAuthProblem(OAuthError.UNAUTHORIZED_CLIENT, "This token was issued to another client.");
        }
        devices.end(device.id(), LinkedDeviceStore.UNLINKED, "signed-out", clock.instant());
    }
}
