package org.devicelink.server.oauth;

import java.time.Clock;
import org.devicelink.protocol.DeviceStatus;
import org.devicelink.protocol.OAuthError;
import org.devicelink.server.activity.Activity;
import org.devicelink.server.activity.ActivityKind;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.http.OAuthProblem;
import org.devicelink.server.store.EndReason;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkedDeviceStore;
import org.devicelink.server.store.Sql;

/**
 * RFC 7009: a device signs out by revoking its refresh token, which ends its session. Unknown tokens are
 * answered with success, as the RFC asks. Access tokens are short-lived JWTs and cannot be revoked one by one.
 */
public final class Revocations {

    private final Sql sql;
    private final LinkedDeviceStore devices;
    private final ActivityRecorder activity;
    private final KeyedHash hash;
    private final Clock clock;

    public Revocations(Sql sql, LinkedDeviceStore devices, ActivityRecorder activity, KeyedHash hash, Clock clock) {
        this.sql = sql;
        this.devices = devices;
        this.activity = activity;
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
        var found = devices.refreshTokens().find(hash.of(KeyedHash.Kind.REFRESH_TOKEN, token));
        if (found.isEmpty()) {
            return;
        }
        if (!found.get().clientId().equals(clientId)) {
            throw new OAuthProblem(OAuthError.UNAUTHORIZED_CLIENT, "This token was issued to another client.");
        }
        var device = devices.find(found.get().chainId()).orElseThrow();
        sql.inTransaction(() -> {
            if (devices.end(device.id(), DeviceStatus.UNLINKED, EndReason.SIGNED_OUT, clock.instant())) {
                activity.record(new Activity(ActivityKind.SIGNED_OUT, device.accountId(), device.id(), device.name(), device.clientId(),
                        null));
            }
            return null;
        });
    }
}
