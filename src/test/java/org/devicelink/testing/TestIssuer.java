package org.devicelink.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.devicelink.protocol.Pkce;

/**
 * A stand-in identity provider for server tests: a real RSA key, its JWKS served over real HTTP, and tokens minted
 * the way Entra ID shapes them ({@code scp}, {@code name}); for the approval page, a web sign-in (discovery,
 * authorization code with PKCE and a client secret) shaped as Entra's.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "devicelink-api";
    public static final String SCOPE = "devicelink";

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final Clock clock;

    public TestIssuer() {
        this(Clock.systemUTC());
    }

    /** @param clock the time its tokens are issued at: a server fixture's, so that moving its time moves theirs */
    public TestIssuer(Clock clock) {
        this.clock = clock;
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
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/tenant/v2.0";
        serveSignIn();
        server.start();
    }

    // --- the web sign-in side, shaped as Entra ID's: discovery, an authorization endpoint that signs in whoever
    // signInAs named (no login page: that is the provider's business), a token endpoint that checks client, secret,
    // redirect and PKCE verifier

    public static final String WEB_CLIENT = "devicelink-web-app";
    public static final String WEB_SECRET = "web-app-secret";
    private volatile String nextSubject = "web-person";
    private volatile String nextName = "Web Person";
    private volatile UnaryOperator<JWTClaimsSet.Builder> nextClaims = c -> c;
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    /** What the token endpoint was last sent, for tests that look at the exchange. */
    public volatile Map<String, String> lastTokenRequest = Map.of();

    /** Who the authorization endpoint signs in next. */
    public void signInAs(String subject, String name, UnaryOperator<JWTClaimsSet.Builder> claims) {
        nextSubject = subject;
        nextName = name;
        nextClaims = claims;
    }

    /** The settings that make a link server's approval page sign people in here. */
    public Map<String, String> webSettings() {
        return Map.of("web.authority", issuer, "web.client-id", WEB_CLIENT, "web.client-secret", WEB_SECRET, "web.scope", SCOPE);
    }

    private void serveSignIn() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/tenant/v2.0/.well-known/openid-configuration", exchange -> answer(exchange, 200, "{\"issuer\":\"" + issuer
                + "\",\"authorization_endpoint\":\"" + base + "/tenant/oauth2/v2.0/authorize\",\"token_endpoint\":\"" + base
                + "/tenant/oauth2/v2.0/token\",\"jwks_uri\":\"" + base + "/keys\"}"));
        server.createContext("/tenant/oauth2/v2.0/authorize", exchange -> {
            var query = form(exchange.getRequestURI().getRawQuery());
            String code = UUID.randomUUID().toString();
            codes.put(code, new String[] {query.get("client_id"), query.get("redirect_uri"), query.get("code_challenge"), nextSubject,
                    nextName});
            String back = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"),
                    StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", back);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/tenant/oauth2/v2.0/token", exchange -> {
            var params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            lastTokenRequest = params;
            String[] issued = codes.remove(String.valueOf(params.get("code")));
            boolean good = issued != null && WEB_CLIENT.equals(params.get("client_id")) && WEB_SECRET.equals(params.get("client_secret"))
                    && issued[1].equals(params.get("redirect_uri"))
                            && issued[2].equals(Pkce.challenge(String.valueOf(params.get("code_verifier"))));
            if (!good) {
                answer(exchange, 400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: the code, client or verifier does not match\"}");
                return;
            }
            answer(exchange, 200, "{\"token_type\":\"Bearer\",\"access_token\":\"" + token(issued[3], issued[4], nextClaims) + "\"}");
        });
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> form(String raw) {
        var params = new HashMap<String, String>();
        for (String pair : (raw == null ? "" : raw).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
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
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).audience(AUDIENCE)
                .claim("scp", SCOPE).claim("name", name)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        return sign(change.apply(claims).build(), key);
    }

    public static String sign(JWTClaimsSet claims, RSAKey key) {
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
