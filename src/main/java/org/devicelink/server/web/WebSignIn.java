package org.devicelink.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.protocol.Pkce;
import org.devicelink.protocol.ProtocolJson;
import org.devicelink.server.accounts.Account;
import org.devicelink.server.accounts.BearerTokens;
import org.devicelink.server.http.ApiProblem;
import org.devicelink.server.http.OAuthProblem;
import org.devicelink.server.issuer.LocalIssuer;
import org.devicelink.server.store.KeyedHash;

/**
 * The approval page's sign-in: an OpenID Connect authorization code flow with PKCE (S256), run by the server. Its state
 * and verifier ride in a short-lived signed cookie, so any node can finish what another began; the access token it
 * gets is checked by {@link BearerTokens}, exactly as the app's are, so both see the same account, roles and family.
 */
public final class WebSignIn {

    static final String COOKIE = "__Host-devicelink-signin";
    static final String CALLBACK = "/link/callback";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_COOKIE_LENGTH = 256;

    /** The identity provider as the page meets it: where a browser signs in, and how a code becomes an access token. */
    public interface Provider {
        String authorizationEndpoint(String origin);

        String clientId();

        String scope();

        /** @throws OAuthProblem when the provider refuses the code */
        String accessToken(String code, String redirectUri, String verifier);

        /** The embedded default's local provider, in process; its login page is served at the page's own origin. */
        public static Provider local(LocalIssuer issuer) {
            return new Provider() {
                public String authorizationEndpoint(String origin) {
                    return origin + LocalIssuer.AUTHORIZE;
                }

                public String clientId() {
                    return LocalSignIn.WEB_CLIENT_ID;
                }

                public String scope() {
                    return "openid profile " + LocalSignIn.API_SCOPE;
                }

                public String accessToken(String code, String redirectUri, String verifier) {
                    return issuer.webAccessToken(code, redirectUri, verifier);
                }
            };
        }

        /** Another OpenID provider (Entra ID), found by discovery on first use and reached over HTTPS. */
        public static Provider discovered(WebProvider settings, HttpClient http) {
            return new Discovered(settings, http);
        }
    }

    /** A provider known by its discovery document: read once it is first needed, so a provider down at start delays nothing. */
    private static final class Discovered implements Provider {
        private static final Duration TIMEOUT = Duration.ofSeconds(10);
        private final WebProvider settings;
        private final HttpClient http;
        private volatile JsonNode metadata;

        Discovered(WebProvider settings, HttpClient http) {
            this.settings = settings;
            this.http = http;
        }

        public String authorizationEndpoint(String origin) {
            return metadata().path("authorization_endpoint").asText();
        }

        public String clientId() {
            return settings.clientId();
        }

        public String scope() {
            return "openid profile " + settings.scope();
        }

        public String accessToken(String code, String redirectUri, String verifier) {
            var form = new LinkedHashMap<String, String>();
            form.put("grant_type", "authorization_code");
            form.put("code", code);
            form.put("redirect_uri", redirectUri);
            form.put("code_verifier", verifier);
            form.put("client_id", settings.clientId());
            if (!settings.clientSecret().isEmpty()) {
                form.put("client_secret", settings.clientSecret());
            }
            JsonNode answer = send(HttpRequest.newBuilder(URI.create(metadata().path("token_endpoint").asText())).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(query(form))).build());
            if (!answer.path("access_token").isTextual()) {
                throw new OAuthProblem(answer.path("error").asText("invalid_grant"),
                        answer.path("error_description").asText("no access token"));
            }
            return answer.path("access_token").asText();
        }

        private JsonNode metadata() {
            JsonNode known = metadata;
            if (known == null) {
                known = send(HttpRequest.newBuilder(URI.create(settings.authority()
                        + "/.well-known/openid-configuration")).timeout(TIMEOUT).GET().build());
                String authorize = known.path("authorization_endpoint").asText();
                boolean secure = authorize.startsWith("https://") || authorize.startsWith("http://127.0.0.1:")
                        || authorize.startsWith("http://localhost:");
                if (!settings.authority().equals(known.path("issuer").asText().replaceAll("/$", "")) || !secure
                        || !known.path("token_endpoint").isTextual()) {
                    throw new Failed(Messages.get("web.signin.unreachable", settings.authority()));
                }
                metadata = known;
            }
            return known;
        }

        private JsonNode send(HttpRequest request) {
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = ProtocolJson.MAPPER.readTree(response.body());
                if (response.statusCode() >= 500 || body == null || !body.isObject()) {
                    throw new Failed(Messages.get("web.signin.unreachable", settings.authority()));
                }
                return body;
            } catch (IOException e) {
                throw new Failed(Messages.get("web.signin.unreachable", settings.authority()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed(Messages.get("web.signin.unreachable", settings.authority()));
            }
        }
    }

    /** Why sign-in did not finish, in a sentence for the person. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final Provider provider;
    private final BearerTokens tokens;
    private final KeyedHash hash;
    private final Clock clock;
    private final SecureRandom random;

    public WebSignIn(Provider provider, BearerTokens tokens, KeyedHash hash, Clock clock, SecureRandom random) {
        this.provider = provider;
        this.tokens = tokens;
        this.hash = hash;
        this.clock = clock;
        this.random = random;
    }

    /** Where to send the browser to sign in; the state and PKCE verifier it must come back with are in its cookie. */
    String begin(Context ctx, String origin) {
        String state = KeyedHash.newToken(random);
        String verifier = KeyedHash.newToken(random);
        String payload = state + "~" + verifier + "~" + clock.instant().plus(LIFETIME).getEpochSecond();
        ctx.cookie(cookie(payload + "~" + hash.of(KeyedHash.Kind.WEB_SIGN_IN, payload), (int) LIFETIME.toSeconds()));
        var params = new LinkedHashMap<String, String>();
        params.put("client_id", provider.clientId());
        params.put("response_type", "code");
        params.put("redirect_uri", origin + CALLBACK);
        params.put("scope", provider.scope());
        params.put("state", state);
        params.put("code_challenge", Pkce.challenge(verifier));
        params.put("code_challenge_method", "S256");
        return provider.authorizationEndpoint(origin) + "?" + query(params);
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The provider's answer at {@link #CALLBACK}: the account signed in, or why not. The state cookie is spent either way. */
    Account finish(Context ctx, String origin) {
        String[] saved = saved(ctx.cookie(COOKIE));
        ctx.cookie(cookie("", 0));
        if (saved == null || !MessageDigest.isEqual(saved[0].getBytes(StandardCharsets.US_ASCII),
                String.valueOf(ctx.queryParam("state")).getBytes(StandardCharsets.US_ASCII))) {
            throw new Failed(Messages.get("web.signin.stale"));
        }
        String error = ctx.queryParam("error");
        if (error != null) {
            throw new Failed(Messages.get("access_denied".equals(error) ? "web.signin.cancelled" : "web.signin.refused", bounded(error)));
        }
        String code = ctx.queryParam("code");
        if (code == null || code.isEmpty() || code.length() > 512) {
            throw new Failed(Messages.get("web.signin.stale"));
        }
        try {
            return tokens.authenticate("Bearer " + provider.accessToken(code, origin + CALLBACK, saved[1]));
        } catch (OAuthProblem | ApiProblem e) {
            throw new Failed(Messages.get("web.signin.refused", e.getMessage()));
        }
    }

    /** The state and verifier of a cookie this server signed and that has not expired; null otherwise. */
    private String[] saved(String value) {
        if (value == null || value.length() > MAX_COOKIE_LENGTH) {
            return null;
        }
        int last = value.lastIndexOf('~');
        String[] parts = value.split("~");
        if (last < 0 || parts.length != 4) {
            return null;
        }
        String payload = value.substring(0, last);
        byte[] expected = hash.of(KeyedHash.Kind.WEB_SIGN_IN, payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return Long.parseLong(parts[2]) > clock.instant().getEpochSecond() ? parts : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String bounded(String text) {
        return text.length() > 64 ? text.substring(0, 64) : text;
    }

    private static Cookie cookie(String value, int maxAge) {
        return new Cookie(COOKIE, value, "/", maxAge, true, true, null, SameSite.LAX);
    }
}
