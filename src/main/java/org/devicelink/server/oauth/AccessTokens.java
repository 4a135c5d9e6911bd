package org.devicelink.server.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.devicelink.server.tokens.SigningKey;

/**
 * Short-lived signed access tokens for linked devices, in the RFC 9068 JWT profile: {@code sub} is the account,
 * {@code device_id} the linked device, {@code aud} and {@code client_id} the device app.
 */
public final class AccessTokens {

    private final SigningKey key;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(SigningKey key, String issuer, Duration lifetime, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(String accountId, String deviceId, String clientId, String scope) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(accountId)
                .audience(clientId)
                .claim("client_id", clientId)
                .claim("device_id", deviceId)
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return key.sign(claims, "at+jwt");
    }
}
