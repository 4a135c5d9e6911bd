package org.devicelink.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.server.issuer.LocalIssuer;

/** The local provider's authorization request as the companion (MSAL) makes it, for tests that open the login page. */
public final class LoginPages {

    public static final String REDIRECT = "http://localhost:51234";

    private LoginPages() {}

    /** The login page's address with a fresh PKCE challenge, and {@code overrides} (a null value drops a parameter). */
    public static URI authorize(String baseUrl, Map<String, String> overrides) {
        return authorize(baseUrl, challenge(), overrides);
    }

    /** The same with the test's own challenge, for a test that then redeems the code with its verifier. */
    public static URI authorize(String baseUrl, String challenge, Map<String, String> overrides) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", LocalSignIn.CLIENT_ID);
        query.put("redirect_uri", REDIRECT);
        query.put("response_type", "code");
        query.put("response_mode", "form_post");
        query.put("scope", "openid profile offline_access devicelink");
        query.put("state", "state-123");
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        query.putAll(overrides);
        query.values().removeIf(v -> v == null);
        return URI.create(baseUrl + LocalIssuer.AUTHORIZE + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
    }

    public static URI authorize(String baseUrl) {
        return authorize(baseUrl, Map.of());
    }

    private static String challenge() {
        try {
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
