package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.devicelink.code.UserCode;
import org.devicelink.code.VerificationLink;
import org.devicelink.device.DeviceClient;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkingDevice;
import org.devicelink.testing.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * The device flow end to end over real HTTPS, against a real database: linked, refreshed, unlinked; denied, expired,
 * raced, refused. Subclasses pick the database, so the same contract holds on H2 (embedded default) and PostgreSQL
 * (scale-out).
 */
abstract class DeviceFlowContract extends DeviceFlowSteps {

    @Test
    void aDeviceIsLinkedRefreshesAndLosesItsSessionWhenUnlinked() throws Exception {
        server();
        DeviceClient device = fixture.device(CONSOLE);
        var linking = LinkingDevice.start(device, "Kitchen TV", "Model X");
        DeviceAuthorization code = linking.code();
        assertThat(code.userCode()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(code.interval()).isEqualTo(1);
        assertThat(code.expiresIn()).isEqualTo(600);
        assertThat(code.verificationUri()).isEqualTo(fixture.server().baseUrl() + "/link");
        var scanned = new VerificationLink(URI.create(code.verificationUri())).read(code.verificationUriComplete());
        assertThat(scanned).isEqualTo(new VerificationLink.Scanned.Code(UserCode.tryParse(code.userCode()).orElseThrow()));

        // people type codes in lower case with spaces: the server reads them the same
        String typed = code.userCode().toLowerCase().replace("-", " ");
        var lookup = http().get("/api/v1/links/" + typed.replace(" ", "%20"), alex);
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        assertThat(lookup.json().path("deviceName").asText()).isEqualTo("Kitchen TV");
        assertThat(lookup.json().path("deviceModel").asText()).isEqualTo("Model X");
        assertThat(lookup.json().path("appName").asText()).isEqualTo("DeviceLink Demo Console");
        assertThat(lookup.json().path("code").asText()).isEqualTo(code.userCode());
        assertThat(lookup.json().path("network").asText()).isEqualTo("this computer");
        assertThat(lookup.json().path("otherNetwork").asBoolean()).isFalse();
        assertThat(lookup.json().path("secondsLeft").asLong()).isBetween(590L, 600L);

        var approved = approve(code.userCode(), alex);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("active");

        DeviceClient.Tokens tokens = linking.linked().get(15, TimeUnit.SECONDS);
        assertThat(tokens.linkedAccount()).isEqualTo("Alex");
        var jwt = SignedJWT.parse(tokens.accessToken());
        var jwks = JWKSet.parse(http().get("/oauth2/jwks", null).body());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.verify(new ECDSAVerifier(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(fixture.server().baseUrl());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(CONSOLE);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("device_id")).isEqualTo(approved.json().path("id").asText());

        var devices = http().get("/api/v1/devices", alex).json();
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).path("name").asText()).isEqualTo("Kitchen TV");
        assertThat(devices.get(0).path("lastActiveAt").isNull()).isFalse();

        DeviceClient.Tokens refreshed = device.refresh(tokens.refreshToken());
        assertThat(refreshed.refreshToken()).isNotEqualTo(tokens.refreshToken());

        var unlinked = http().delete("/api/v1/devices/" + approved.json().path("id").asText(), alex);
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(unlinked.json().path("status").asText()).isEqualTo("unlinked");
        assertThatThrownBy(() -> device.refresh(refreshed.refreshToken()))
                .isInstanceOfSatisfying(DeviceClient.Refused.class, refused -> {
                    assertThat(refused.error()).isEqualTo("invalid_grant");
                    assertThat(refused.getMessage()).contains("unlinked");
                });
    }

    @Test
    void codesAndTokensAreStoredOnlyAsKeyedDigests() {
        server();
        JsonNode pending = startCode(CONSOLE, "Waiting console");
        JsonNode linkedCode = startCode(CONSOLE, "Linked console");
        assertThat(approve(linkedCode.path("user_code").asText(), alex).status()).isEqualTo(200);
        JsonNode tokens = poll(linkedCode).json();
        JsonNode rotated = refresh(tokens.path("refresh_token").asText()).json();
        String stored = fixture.everythingStored();
        assertThat(stored).contains("Waiting console").contains("Linked console"); // the dump is real
        for (JsonNode code : List.of(pending, linkedCode)) {
            String userCode = code.path("user_code").asText();
            assertThat(stored).doesNotContain(userCode).doesNotContain(userCode.replace("-", ""))
                    .doesNotContain(code.path("device_code").asText());
        }
        for (JsonNode issued : List.of(tokens, rotated)) {
            assertThat(stored).doesNotContain(issued.path("refresh_token").asText()).doesNotContain(issued.path("access_token").asText());
        }
    }

    /**
     * A device code names its row and carries a secret: a poll is read on the row id, and answered only when the whole
     * code's digest is the row's. The attacker knows a code's row id (the first 22 characters, time-ordered) but not
     * its secret.
     */
    @Test
    void aDeviceCodeIsAnsweredOnlyWithItsOwnSecret() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        JsonNode other = startCode(CONSOLE, "Other console");
        assertThat(approve(code.path("user_code").asText(), alex).status()).isEqualTo(200);
        String real = code.path("device_code").asText();
        String otherSecret = other.path("device_code").asText().substring(22);
        char last = real.charAt(real.length() - 1);
        for (String forged : List.of(real.substring(0, 22) + otherSecret, real.substring(0, real.length() - 1) + (last == 'A' ? 'B' : 'A'),
                real.substring(0, 22) + "A".repeat(43), real.substring(0, 64))) {
            assertThat(poll(forged).oauthError()).as(forged).isEqualTo("invalid_grant");
        }
        assertThat(poll(code).json().path("access_token").asText()).as("the forgeries used nothing up").isNotEmpty();

        assertThat(poll(otherSecret).oauthError()).as("a code of the format before: its device asks for a new one")
                .isEqualTo("expired_token");
    }

    @Test
    void aDeniedDeviceIsToldSoAndTheCodeCannotBeUsedAgain() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        String userCode = code.path("user_code").asText();
        var denied = http().post("/api/v1/links/" + userCode + "/deny", alex, "{\"report\":true}");
        assertThat(denied.status()).isEqualTo(204);
        assertThat(poll(code).oauthError()).isEqualTo("access_denied");
        var again = http().get("/api/v1/links/" + userCode, alex);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("code-used");
        assertThat(again.json().path("detail").asText()).contains("denied");
    }

    @Test
    void anExpiredCodeCanBeNeitherApprovedNorRedeemed() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        fixture.clock.advance(Duration.ofSeconds(601));
        var lookup = http().get("/api/v1/links/" + code.path("user_code").asText(), alex);
        assertThat(lookup.status()).isEqualTo(410);
        assertThat(lookup.problem()).isEqualTo("code-expired");
        assertThat(lookup.json().path("detail").asText()).contains("Ask the device for a new code");
        assertThat(approve(code.path("user_code").asText(), alex).problem()).isEqualTo("code-expired");
        assertThat(poll(code).oauthError()).isEqualTo("expired_token");
    }

    @Test
    void theCodeLifetimeIsASetting() {
        server(Map.of("code.lifetime", "120"));
        assertThat(startCode(CONSOLE, "Console").path("expires_in").asInt()).isEqualTo(120);
    }

    @Test
    void unknownClientsCodesGrantsAndScopesAreRefusedWithTheirRfcErrors() {
        server();
        var unknownClient = http().form("/oauth2/device_authorization", Map.of("client_id", "pirate-app"));
        assertThat(unknownClient.status()).isEqualTo(401);
        assertThat(unknownClient.oauthError()).isEqualTo("invalid_client");
        var badScope = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "scope", "play admin"));
        assertThat(badScope.oauthError()).isEqualTo("invalid_scope");
        var goodScope = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "scope", "play"));
        assertThat(goodScope.status()).isEqualTo(200);
        var unknownCode = http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", "not-a-code"));
        assertThat(unknownCode.oauthError()).isEqualTo("invalid_grant");
        var otherClient = http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", "demo-tv", "device_code", goodScope.json().path("device_code").asText()));
        assertThat(otherClient.oauthError()).isEqualTo("invalid_grant");
        var grant = http().form("/oauth2/token", Map.of("grant_type", "password", "client_id", CONSOLE));
        assertThat(grant.oauthError()).isEqualTo("unsupported_grant_type");
        var missing = http().form("/oauth2/token", Map.of("client_id", CONSOLE));
        assertThat(missing.oauthError()).isEqualTo("invalid_request");
    }

    @Test
    void whenTwoPeopleApproveOneCodeOnlyOneWins() throws Exception {
        server();
        for (int round = 0; round < 5; round++) {
            String userCode = startCode(CONSOLE, "Console " + round).path("user_code").asText();
            List<Http.Response> answers = race(() -> approve(userCode, alex), () -> approve(userCode, bob));
            assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
            var loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(loser.problem()).isEqualTo("code-used");
            assertThat(loser.json().path("detail").asText()).isNotBlank();
        }
        int linked = http().get("/api/v1/devices", alex).json().size() + http().get("/api/v1/devices", bob).json().size();
        assertThat(linked).isEqualTo(5);
    }

    @Test
    void whenTwoPollsRaceForTheTokensOnlyOneGetsThem() throws Exception {
        server();
        for (int round = 0; round < 5; round++) {
            JsonNode code = startCode(CONSOLE, "Console " + round);
            assertThat(approve(code.path("user_code").asText(), alex).status()).isEqualTo(200);
            List<Http.Response> answers = race(() -> poll(code), () -> poll(code));
            assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 400);
            assertThat(answers.stream().filter(a -> a.status() == 400).findFirst().orElseThrow().oauthError()).isEqualTo("invalid_grant");
            assertThat(answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json().path("refresh_token").asText())
                    .isNotBlank();
        }
    }

    @Test
    void aDeviceCodeIsRedeemedOnceAndNeverAgain() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        assertThat(approve(code.path("user_code").asText(), alex).status()).isEqualTo(200);
        var first = poll(code);
        assertThat(first.status()).isEqualTo(200);
        var again = poll(code);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.oauthError()).isEqualTo("invalid_grant");
        assertThat(again.json().path("error_description").asText()).contains("already been used");
        assertThat(http().get("/api/v1/devices", alex).json()).hasSize(1);
    }

    @Test
    void aPendingCodeSurvivesAServerRestart() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        fixture.restart();
        var lookup = http().get("/api/v1/links/" + code.path("user_code").asText(), alex);
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        assertThat(approve(code.path("user_code").asText(), alex).status()).isEqualTo(200);
        assertThat(poll(code).status()).isEqualTo(200);
    }

    @Test
    void tokensFromStrangersOrPastTheirTimeAreRefused() {
        server();
        try (var stranger = new TestIssuer()) {
            Map<String, String> refused = Map.of(
                    "no token", "",
                    "untrusted issuer", stranger.token("alex-subject", "Alex"),
                    "expired", fixture.issuer.token("alex-subject", "Alex",
                            c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000))),
                    "wrong audience", fixture.issuer.token("alex-subject", "Alex", c -> c.audience("some-other-api")),
                    "missing scope", fixture.issuer.token("alex-subject", "Alex", c -> c.claim("scp", "openid")),
                    "tampered", alex.substring(0, alex.length() - 4) + (alex.endsWith("AAAA") ? "BBBB" : "AAAA"),
                    "garbage", "not.a.jwt");
            refused.forEach((why, token) -> {
                var response = http().get("/api/v1/devices", token.isEmpty() ? null : token);
                assertThat(response.status()).as(why).isEqualTo(401);
                assertThat(response.problem()).as(why).isEqualTo("unauthenticated");
                assertThat(response.header("WWW-Authenticate")).as(why).isEqualTo("Bearer");
            });
            assertThat(http().get("/api/v1/devices", stranger.token("x", "X")).json().path("detail").asText()).contains("not trusted");
        }
        assertThat(http().get("/api/v1/devices", alex).status()).isEqualTo(200);
    }

    /** A malformed request, and what it must be answered with: its status, and its problem type or OAuth error. */
    record Case(String what, int status, String kind, Supplier<Http.Response> request) {}

    @Test
    void oversizedAndMalformedRequestsGetTheirOwnFourHundredNeverAServerError() {
        server();
        String big = "x".repeat(20_000);
        String deviceId = http().post("/api/v1/links/" + startCode(CONSOLE, "Console").path("user_code").asText() + "/approve", alex, "{}")
                .json().path("id").asText();
        List<Case> cases = List.of(
                new Case("oversized form", 413, "invalid_request",
                        () -> http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", big))),
                new Case("oversized json", 413, "request-too-large",
                        () -> http().post("/api/v1/links/BBBB-BBBB/approve", alex, "{\"account\":\"" + big + "\"}")),
                new Case("long device name", 400, "invalid_request",
                        () -> http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", "n".repeat(65)))),
                new Case("control characters", 400, "invalid_request",
                        () -> http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", "a\u0007b"))),
                new Case("json to a form endpoint", 400, "invalid_request",
                        () -> http().send(http().request("/oauth2/token").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"refresh_token\"}")))),
                new Case("repeated parameter", 400, "invalid_request",
                        () -> http().send(http().request("/oauth2/device_authorization")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("client_id=demo-console&client_id=demo-tv")))),
                new Case("malformed json", 400, "invalid-request",
                        () -> http().post("/api/v1/links/BBBB-BBBB/deny", alex, "{\"report\": tru")),
                new Case("wrong json shape", 400, "invalid-request", () -> http().patch("/api/v1/devices/" + deviceId, alex, "[1,2]")),
                new Case("json as text", 415, "unsupported-media-type",
                        () -> http().send(http().request("/api/v1/devices/" + deviceId).header("Authorization", "Bearer " + alex)
                        .header("Content-Type", "text/plain")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")))),
                new Case("empty name", 400, "invalid-request",
                        () -> http().patch("/api/v1/devices/" + deviceId, alex, "{\"name\":\"  \"}")),
                new Case("long name", 400, "invalid-request",
                        () -> http().patch("/api/v1/devices/" + deviceId, alex, "{\"name\":\"" + "n".repeat(65) + "\"}")),
                new Case("huge code", 400, "code-invalid", () -> http().get("/api/v1/links/" + "B".repeat(300), alex)),
                new Case("code with a digit", 400, "code-invalid", () -> http().get("/api/v1/links/WDJB-MJH0", alex)),
                new Case("not a device id", 404, "device-not-found", () -> http().delete("/api/v1/devices/..%2F..%2Fetc", alex)),
                new Case("unknown path", 404, "not-found", () -> http().get("/api/v2/nothing", alex)),
                new Case("unknown page", 404, "not-found", () -> http().get("/nothing-here", null)),
                new Case("wrong method", 404, "not-found", () -> http().delete("/api/v1/links/BBBB-BBBB", alex)),
                new Case("approve someone else's account", 403, "not-in-family",
                        () -> http().post("/api/v1/links/BBBB-BBBB/approve", alex, "{\"account\":\"child-1\"}")));
        for (Case c : cases) {
            Http.Response response = c.request().get();
            assertThat(response.status()).as(c.what() + ": " + response.body()).isEqualTo(c.status());
            if (response.json().has("type")) {
                assertThat(response.problem()).as(c.what()).isEqualTo(c.kind());
                assertThat(response.contentType()).as(c.what()).startsWith("application/problem+json");
                assertThat(response.json().path("detail").asText()).as(c.what()).isNotBlank().doesNotStartWith("!");
            } else {
                assertThat(response.oauthError()).as(c.what() + ": " + response.body()).isEqualTo(c.kind());
                assertThat(response.json().path("error_description").asText()).as(c.what()).isNotBlank();
            }
        }
        assertThat(http().get("/api/v1/links/WDJB-MJH0", alex).json().path("detail").asText()).contains("no digits");
        assertThat(http().post("/api/v1/links/BBBB-BBBB/approve", alex, "{\"account\":\"child-1\"}").json().path("detail").asText())
                .contains("your own account");
    }

    @Test
    void aReplayedRefreshTokenEndsTheWholeSession() {
        server();
        JsonNode first = linkedDevice(alex, "Console");
        var second = refresh(first.path("refresh_token").asText());
        assertThat(second.status()).isEqualTo(200);
        var replay = refresh(first.path("refresh_token").asText());
        assertThat(replay.oauthError()).isEqualTo("invalid_grant");
        assertThat(replay.json().path("error_description").asText()).contains("already used");
        // the thief's replay also ends the legitimate holder's session
        assertThat(refresh(second.json().path("refresh_token").asText()).oauthError()).isEqualTo("invalid_grant");
        assertThat(http().get("/api/v1/devices", alex).json().get(0).path("status").asText()).isEqualTo("revoked");
    }

    @Test
    void metadataAndTheVerificationPageTellClientsAndPeopleWhereToGo() {
        server();
        String base = fixture.server().baseUrl();
        JsonNode metadata = http().get("/.well-known/oauth-authorization-server", null).json();
        assertThat(metadata.path("issuer").asText()).isEqualTo(base);
        assertThat(metadata.path("device_authorization_endpoint").asText()).isEqualTo(base + "/oauth2/device_authorization");
        assertThat(metadata.path("token_endpoint").asText()).isEqualTo(base + "/oauth2/token");
        assertThat(metadata.path("revocation_endpoint").asText()).isEqualTo(base + "/oauth2/revoke");
        assertThat(metadata.path("jwks_uri").asText()).isEqualTo(base + "/oauth2/jwks");
        assertThat(metadata.path("grant_types_supported").toString()).contains("urn:ietf:params:oauth:grant-type:device_code");

        var qr = http().send(http().request("/link?code=wdjb-mjht").header("Sec-Fetch-Site", "none")); // scanned: opened directly
        assertThat(qr.status()).as("the code leaves the address").isEqualTo(303);
        assertThat(qr.header("Location")).isEqualTo("/link");
        assertThat(qr.header("Set-Cookie")).startsWith("__Host-devicelink-code=WDJBMJHT;").contains("HttpOnly").contains("Secure");
        var page = http().send(http().request("/link").header("Cookie", "__Host-devicelink-code=WDJBMJHT"));
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("WDJB-MJHT")
                .contains("href=\"devicelink://link?code&#61;WDJB-MJHT\"") // = as the template escapes it
                .contains("href=\"/link/signin\"");
        var hostile = http().get("/link?code=%3Cscript%3Ealert(1)%3C/script%3E", null);
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.body()).doesNotContain("<script>").contains("cannot be in a code");
        assertThat(http().get("/link", null).body()).contains("Sign in to link a console");
    }
}
