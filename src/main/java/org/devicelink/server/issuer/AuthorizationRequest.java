package org.devicelink.server.issuer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.protocol.ProtocolJson;
import org.devicelink.server.store.KeyedHash;

/**
 * A checked OpenID authorization request (code flow, PKCE S256 required). It travels through the login form
 * signed, so the form cannot be replayed with another redirect URI or challenge.
 */
record AuthorizationRequest(String clientId, String redirectUri, String scope, String state, String codeChallenge,
                            String nonce, String responseMode) {

    static final Set<String> SCOPES = Set.of("openid", "profile", "offline_access", "email", LocalSignIn.API_SCOPE);

    /**
     * A request the provider does not answer to its redirect URI, but on an error page: an unknown client or foreign
     * redirect, and any malformed request. The app's redirect may be any loopback port (RFC 8252), so sending an error
     * there would let any page make the browser carry its own {@code state} to any local port.
     */
    static final class Unanswerable extends RuntimeException {
        Unanswerable(String key, Object... args) {
            super(Messages.get(key, args), null, false, false);
        }
    }

    /**
     * @param webReturns where the approval page may be sent back to: this server's own {@code /link/callback}, exactly
     */
    static AuthorizationRequest parse(Map<String, List<String>> query, Set<String> webReturns) {
        String clientId = single(query, "client_id", 64);
        String redirectUri = single(query, "redirect_uri", 256);
        if (LocalSignIn.WEB_CLIENT_ID.equals(clientId)) {
            if (!webReturns.contains(redirectUri)) {
                throw new Unanswerable("idp.refused.web-return");
            }
        } else if (!LocalSignIn.CLIENT_ID.equals(clientId)) {
            throw new Unanswerable("idp.refused.client");
        } else if (!isLoopback(redirectUri)) {
            throw new Unanswerable("idp.refused.loopback");
        }
        String responseMode = single(query, "response_mode", 16);
        String state = single(query, "state", 512);
        String mode = responseMode == null ? "query" : responseMode;
        if (!List.of("query", "form_post").contains(mode)) {
            throw new Unanswerable("idp.refused.response-mode");
        }
        if (!"code".equals(single(query, "response_type", 32))) {
            throw new Unanswerable("idp.refused.response-type");
        }
        String challenge = single(query, "code_challenge", 128);
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            throw new Unanswerable("idp.refused.pkce");
        }
        if (!"S256".equals(single(query, "code_challenge_method", 16))) {
            throw new Unanswerable("idp.refused.pkce-method");
        }
        String scope = single(query, "scope", 512);
        var scopes = new LinkedHashSet<>(List.of((scope == null ? "" : scope.strip()).split("\\s+")));
        scopes.remove("");
        for (String s : scopes) {
            if (!SCOPES.contains(s)) {
                throw new Unanswerable("idp.refused.scope", s);
            }
        }
        if (!scopes.contains("openid")) {
            throw new Unanswerable("idp.refused.openid");
        }
        return new AuthorizationRequest(clientId, redirectUri, String.join(" ", scopes), state, challenge,
                single(query, "nonce", 256), mode);
    }

    /** RFC 8252 §7.3: an http redirect to this computer's loopback, any port, no path beyond "/". */
    static boolean isLoopback(String redirectUri) {
        if (redirectUri == null) {
            return false;
        }
        try {
            URI uri = new URI(redirectUri);
            String host = uri.getHost();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return "http".equals(uri.getScheme()) && host != null
                    && List.of("localhost", "127.0.0.1", "[::1]").contains(host.toLowerCase(Locale.ROOT))
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535)
                    && (path.isEmpty() || path.equals("/"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The request as the login form carries it, signed together with the form's CSRF token: one is no good without the other. */
    String sign(KeyedHash hash, String csrfToken) {
        try {
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(ProtocolJson.MAPPER.writeValueAsBytes(this));
            return payload + "." + hash.of(KeyedHash.Kind.SIGNED_REQUEST, payload + "|" + csrfToken);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the person signs in for the approval page in their browser, rather than for the app. */
    boolean forWebPage() {
        return LocalSignIn.WEB_CLIENT_ID.equals(clientId);
    }

    static AuthorizationRequest verify(String signed, String csrfToken, KeyedHash hash) {
        int dot = signed == null ? -1 : signed.lastIndexOf('.');
        if (dot < 0 || signed.length() > 4096) {
            throw new Unanswerable("idp.refused.damaged");
        }
        String payload = signed.substring(0, dot);
        byte[] expected = hash.of(KeyedHash.Kind.SIGNED_REQUEST, payload + "|" + csrfToken).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw new Unanswerable("idp.refused.altered");
        }
        try {
            return ProtocolJson.MAPPER.readValue(Base64.getUrlDecoder().decode(payload), AuthorizationRequest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new Unanswerable("idp.refused.damaged");
        }
    }

    private static String single(Map<String, List<String>> query, String name, int maxLength) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new Unanswerable("idp.refused.repeats", name);
        }
        String value = values.isEmpty() ? null : values.getFirst();
        if (value != null && value.length() > maxLength) {
            throw new Unanswerable("idp.refused.too-long", name);
        }
        return value;
    }
}
