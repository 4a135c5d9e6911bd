package org.devicelink.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A stand-in identity provider for server tests: a real RSA key, its JWKS served over real HTTP, and tokens minted
 * the way Entra ID shapes them ({@code scp}, {@code name}). The sign-in issue replaces it with the local provider.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "devicelink-api";
    public static final String SCOPE = "devicelink";

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    public TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/tenant/v2.0";
    }

    public String issuer() {
        return issuer;
    }

    /** The settings that make a link server trust this issuer. */
    public Map<String, String> trustSettings() {
        return Map.of("trust.test.issuer", issuer,
                "trust.test.jwks-uri", "http://127.0.0.1:" + server.getAddress().getPort() + "/keys",
                "trust.test.audience", AUDIENCE,
                "trust.test.scope", SCOPE);
    }

    /** A valid access token for {@code subject}. */
    public String token(String subject, String name) {
        return token(subject, name, claims -> claims);
    }

    /** A token with some claims changed (expired, wrong audience, …). */
    public String token(String subject, String name, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).audience(AUDIENCE)
                .claim("scp", SCOPE).claim("name", name)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        return sign(change.apply(claims).build(), key);
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
