package org.devicelink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.Pkce;
import org.devicelink.protocol.ProtocolJson;

/**
 * Signs the bench's approver in at the server's local provider as a person would: the login page, its form (with
 * its CSRF cookie), and the authorization code traded for an access token with PKCE.
 */
final class ApproverSignIn {

    private static final String REDIRECT = "http://localhost:51234";
    private static final Pattern HIDDEN = Pattern.compile("name=\"(request|csrf)\" value=\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot);");

    private ApproverSignIn() {}

    /** Returns an access token for the companion API. */
    static String accessToken(RawHttp http, String clientId, String username, String password) throws IOException {
        var random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", REDIRECT);
        query.put("response_type", "code");
        query.put("scope", "openid profile offline_access devicelink");
        query.put("state", "bench");
        query.put("code_challenge", Pkce.challenge(verifier));
        query.put("code_challenge_method", "S256");
        var page = http.get("/idp/oauth2/v2.0/authorize?" + form(query), Map.of());
        if (page.status() != 200) {
            throw new IOException(Messages.get("bench.signin.page", page.status()));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.text());
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        String cookie = page.headers().getOrDefault("set-cookie", "").split(";")[0];
        fields.put("username", username);
        fields.put("password", password);
        var login = http.post("/idp/oauth2/v2.0/authorize", Map.of("Cookie", cookie), "application/x-www-form-urlencoded", form(fields));
        String location = login.headers().get("location");
        if (login.status() != 302 || location == null || !location.contains("code=")) {
            throw new IOException(Messages.get("bench.signin.failed", username, login.status()));
        }
        String code = URLDecoder.decode(URI.create(location).getRawQuery().replaceAll(".*code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        var token = http.post("/idp/oauth2/v2.0/token", Map.of(), "application/x-www-form-urlencoded", form(Map.of(
                "grant_type", "authorization_code", "client_id", clientId, "code", code, "redirect_uri", REDIRECT,
                "code_verifier", verifier)));
        JsonNode json = ProtocolJson.MAPPER.readTree(token.body());
        if (token.status() != 200 || !json.hasNonNull("access_token")) {
            throw new IOException(Messages.get("bench.signin.noToken", token.status(), token.text()));
        }
        return json.get("access_token").asText();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String unescape(String html) {
        return ENTITY.matcher(html).replaceAll(m -> Matcher.quoteReplacement(switch (m.group(1)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            default -> {
                String number = m.group(1).substring(1);
                yield Character.toString(number.startsWith("x") ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number));
            }
        }));
    }
}
