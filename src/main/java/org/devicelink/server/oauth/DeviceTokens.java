package org.devicelink.server.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.devicelink.protocol.TokenResponse;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LinkedDeviceStore;

/** Issues a linked device's token pair: a signed access token and the next opaque refresh token of its chain. */
public final class DeviceTokens {

    private final AccessTokens accessTokens;
    private final LinkedDeviceStore devices;
    private final KeyedHash hash;
    private final Duration refreshLifetime;
    private final Clock clock;
    private final SecureRandom random;

    public DeviceTokens(AccessTokens accessTokens, LinkedDeviceStore devices, KeyedHash hash, Duration refreshLifetime,
                        Clock clock, SecureRandom random) {
        this.accessTokens = accessTokens;
        this.devices = devices;
        this.hash = hash;
        this.refreshLifetime = refreshLifetime;
        this.clock = clock;
        this.random = random;
    }

    public TokenResponse issue(LinkedDeviceStore.Device device) {
        Instant now = clock.instant();
        String refreshToken = KeyedHash.newToken(random);
        devices.refreshTokens().add(hash.of(KeyedHash.Kind.REFRESH_TOKEN, refreshToken), device.id(), now, now.plus(refreshLifetime));
        devices.touch(device.id(), now);
        String accessToken = accessTokens.issue(device.accountId(), device.id(), device.clientId(), device.scope());
        return new TokenResponse(accessToken, "Bearer", accessTokens.lifetime().toSeconds(), refreshToken, device.scope(),
                device.accountName());
    }
}
