package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.devicelink.code.VerificationLink;
import org.devicelink.device.DeviceClient;
import org.devicelink.protocol.DeviceAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device flow end to end over real HTTPS, against a real database. Subclasses pick the database, so the same
 * contract holds on H2 (embedded default) and PostgreSQL (scale-out).
 */
abstract class DeviceFlowContract {

    static final String CONSOLE = "demo-console";

    @TempDir
    Path dataDir;
    LinkServerFixture fixture;
    String alex;
    String bob;

    abstract Databases databases();

    LinkServerFixture server(Map<String, String> settings) {
        fixture = new LinkServerFixture(databases(), dataDir, settings);
        alex = fixture.issuer.token("alex-subject", "Alex");
        bob = fixture.issuer.token("bob-subject", "Bob");
        return fixture;
    }

    LinkServerFixture server() {
        return server(Map.of());
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    Http http() {
        return fixture.http();
    }

    JsonNode startCode(String clientId, String deviceName) {
        var response = http().form("/oauth2/device_authorization", Map.of("client_id", clientId, "device_name", deviceName,
                "device_model", "DL-2"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    Http.Response poll(JsonNode code) {
        return http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", code.path("device_code").asText()));
    }

    /** A poll that asks to be held until the code is decided, up to {@code seconds}. */
    Http.Response heldPoll(JsonNode code, int seconds) {
        return http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", code.path("device_code").asText()), Map.of("Prefer", "wait=" + seconds));
    }

    /** Runs a call on a thread of its own and waits until this node holds {@code held} polls. */
    <T> CompletableFuture<T> whileHeld(Supplier<T> call, int held) throws InterruptedException {
        var answer = CompletableFuture.supplyAsync(call, Executors.newVirtualThreadPerTaskExecutor());
        for (int i = 0; i < 500 && fixture.server().load().heldPolls() < held && !answer.isDone(); i++) {
            Thread.sleep(10);
        }
        assertThat(fixture.server().load().heldPolls()).as("polls held").isEqualTo(held);
        return answer;
    }

    Http.Response approve(String userCode, String token) {
        return http().post("/api/v1/links/" + userCode + "/approve", token, "{\"account\":\"me\"}");
    }

    /** A device linked to {@code token}'s account; returns the token response. */
    JsonNode linkedDevice(String token, String name) {
        JsonNode code = startCode(CONSOLE, name);
        assertThat(approve(code.path("user_code").asText(), token).status()).isEqualTo(200);
        var tokens = poll(code);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return tokens.json();
    }

    Http.Response refresh(String refreshToken) {
        return http().form("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", CONSOLE, "refresh_token", refreshToken));
    }

    @Test
    void aDeviceIsLinkedRefreshesAndLosesItsSessionWhenUnlinked() throws Exception {
        server();
        DeviceClient device = fixture.device(CONSOLE);
        var shown = new CompletableFuture<DeviceAuthorization>();
        var linking = CompletableFuture.supplyAsync(() -> {
            try {
                return device.link("Kitchen TV", "Model X", null, new DeviceClient.Listener() {
                    @Override
                    public void onCode(DeviceAuthorization code) {
                        shown.complete(code);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        DeviceAuthorization code = shown.get(10, TimeUnit.SECONDS);
        assertThat(code.userCode()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(code.interval()).isEqualTo(1);
        assertThat(code.expiresIn()).isEqualTo(600);
        assertThat(code.verificationUri()).isEqualTo(fixture.server().baseUrl() + "/link");
        var scanned = new VerificationLink(URI.create(code.verificationUri())).read(code.verificationUriComplete());
        assertThat(scanned).isEqualTo(new VerificationLink.Scanned.Code(org.devicelink.code.UserCode.tryParse(code.userCode()).orElseThrow()));

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

        DeviceClient.Tokens tokens = linking.get(15, TimeUnit.SECONDS);
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

    @Test
    void pollingTooFastSlowsTheDeviceDownForGood() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        assertThat(poll(code).oauthError()).isEqualTo("authorization_pending");
        var tooFast = poll(code);
        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.oauthError()).isEqualTo("slow_down");
        assertThat(tooFast.json().path("interval").asInt()).isEqualTo(6);
        fixture.clock.advance(Duration.ofSeconds(2)); // enough for the old 1 s interval, not for the new 6 s
        var stillTooFast = poll(code);
        assertThat(stillTooFast.oauthError()).isEqualTo("slow_down");
        assertThat(stillTooFast.json().path("interval").asInt()).isEqualTo(11);
        fixture.clock.advance(Duration.ofSeconds(11));
        assertThat(poll(code).oauthError()).isEqualTo("authorization_pending");
        assertThat(poll(code).header("Cache-Control")).isEqualTo("no-store");
        assertThat(fixture.query("SELECT poll_interval FROM pending_links").getFirst().get("poll_interval").toString())
                .as("pace is kept in memory: a poll too early writes nothing").isEqualTo("1");
    }

    /** A device that never stops hurrying is told to wait out its code at most, not hours past it. */
    @Test
    void slowDownNeverTellsAnIntervalPastTheCodesLife() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        long lifetime = code.path("expires_in").asLong();
        int longest = 0;
        for (int i = 0; i < 200; i++) {
            var answer = poll(code);
            longest = Math.max(longest, answer.json().path("interval").asInt());
        }
        assertThat(longest).isEqualTo((int) lifetime);
        fixture.clock.advance(Duration.ofSeconds(lifetime - 30));
        poll(code);
        assertThat(poll(code).json().path("interval").asInt()).as("never shortened").isEqualTo((int) lifetime);
    }

    @Test
    void aHeldPollIsAnsweredTheMomentTheCodeIsApprovedAndTheNextPollCollectsTheTokens() throws Exception {
        server();
        var metadata = http().get("/.well-known/oauth-authorization-server", null).json();
        assertThat(metadata.path(DeviceAuthorization.POLL_WAIT_METADATA).asInt()).isEqualTo(20);
        JsonNode code = startCode(CONSOLE, "Console");
        var held = whileHeld(() -> heldPoll(code, 20), 1);
        assertThat(held).isNotDone();
        assertThat(approve(code.path("user_code").asText(), alex).status()).isEqualTo(200);
        var answer = held.get(10, TimeUnit.SECONDS); // long before the 20 s it may be held
        // no tokens down a connection held for seconds: it may have died meanwhile, and they would be lost with the code
        assertThat(answer.status()).as(answer.body()).isEqualTo(307);
        assertThat(answer.header("Location")).isEqualTo(metadata.path("token_endpoint").asText());
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=20");
        assertThat(fixture.server().load().heldPolls()).isZero();
        var collected = heldPoll(code, 20); // at once, not paced: the code is no longer pending
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        assertThat(collected.json().path("refresh_token").asText()).isNotBlank();
        assertThat(poll(code).json().path("error_description").asText()).contains("already been used");
    }

    @Test
    void aHeldPollWhoseClientIsGoneUsesNothingUpTheDevicesNextPollCollects() throws Exception {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        Thread device = Thread.ofVirtual().start(() -> heldPoll(code, 20));
        for (int i = 0; i < 500 && fixture.server().load().heldPolls() == 0; i++) {
            Thread.sleep(10);
        }
        device.interrupt(); // HttpClient aborts the exchange and drops the connection, as a proxy's timeout would
        device.join(5_000);
        assertThat(fixture.server().load().heldPolls()).as("the server cannot tell, and still holds it").isEqualTo(1);
        assertThat(approve(code.path("user_code").asText(), alex).status()).isEqualTo(200);
        for (int i = 0; i < 500 && fixture.server().load().heldPolls() > 0; i++) {
            Thread.sleep(10);
        }
        var collected = poll(code);
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        assertThat(collected.json().path("refresh_token").asText()).isNotBlank();
    }

    @Test
    void theDeviceKitHasItsTokensTheMomentThePersonApproves() throws Exception {
        server(Map.of("code.interval", "10")); // without held polls the device would learn of it up to 10 s later
        DeviceClient device = fixture.device(CONSOLE);
        var shown = new CompletableFuture<DeviceAuthorization>();
        var linking = CompletableFuture.supplyAsync(() -> {
            try {
                return device.link("Console", null, null, new DeviceClient.Listener() {
                    @Override
                    public void onCode(DeviceAuthorization code) {
                        shown.complete(code);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        String userCode = shown.get(10, TimeUnit.SECONDS).userCode();
        for (int i = 0; i < 500 && fixture.server().load().heldPolls() == 0; i++) {
            Thread.sleep(10); // the kit's first poll goes at once, and is held
        }
        assertThat(fixture.server().load().heldPolls()).isEqualTo(1);
        long approving = System.nanoTime();
        assertThat(approve(userCode, alex).status()).isEqualTo(200);
        var tokens = linking.get(5, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - approving) / 1_000_000;
        assertThat(tokens.refreshToken()).isNotBlank();
        System.out.println("approval to device-kit tokens: " + millis + " ms");
    }

    @Test
    void aHeldPollHearsOfADenialAtOnce() throws Exception {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        var held = whileHeld(() -> heldPoll(code, 20), 1);
        assertThat(http().post("/api/v1/links/" + code.path("user_code").asText() + "/deny", alex, "{}").status()).isEqualTo(204);
        assertThat(held.get(10, TimeUnit.SECONDS).oauthError()).isEqualTo("access_denied");
    }

    @Test
    void aHeldPollThatHearsNothingIsAnsweredPendingWhenItsWaitEnds() throws Exception {
        server(Map.of("code.poll-wait", "1"));
        JsonNode code = startCode(CONSOLE, "Console");
        var answer = heldPoll(code, 600); // asks for more than the server allows: held for its 1 s at most
        assertThat(answer.oauthError()).isEqualTo("authorization_pending");
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=1");
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(poll(code).header("Preference-Applied")).as("a poll that does not ask is not held").isNull();
    }

    @Test
    void aHeldPollIsStillOnePollPacedLikeAnyOther() throws Exception {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        var held = whileHeld(() -> heldPoll(code, 20), 1);
        var second = heldPoll(code, 20); // the device polls again at once, while its first poll is held
        assertThat(second.oauthError()).isEqualTo("slow_down");
        assertThat(second.header("Preference-Applied")).isNull();
        assertThat(approve(code.path("user_code").asText(), alex).status()).isEqualTo(200);
        assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(307);
        assertThat(heldPoll(code, 20).status()).as("collected at once, never told to slow down").isEqualTo(200);
    }

    @Test
    void withHeldPollsOffTheServerNeitherHoldsNorAdvertisesThem() {
        server(Map.of("code.poll-wait", "0"));
        assertThat(http().get("/.well-known/oauth-authorization-server", null).json().has(DeviceAuthorization.POLL_WAIT_METADATA)).isFalse();
        JsonNode code = startCode(CONSOLE, "Console");
        var answer = heldPoll(code, 20);
        assertThat(answer.oauthError()).isEqualTo("authorization_pending");
        assertThat(answer.header("Preference-Applied")).isNull();
    }

    @Test
    void aNodeThatStopsAnswersTheDevicesItHolds() throws Exception {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        var held = whileHeld(() -> heldPoll(code, 20), 1);
        fixture.server().close();
        assertThat(held.get(10, TimeUnit.SECONDS).oauthError()).isEqualTo("authorization_pending");
        fixture.start();
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
            assertThat(answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json().path("refresh_token").asText()).isNotBlank();
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
    void aDeviceUnlinkedBeforeItCollectsItsTokensIsDenied() {
        server();
        JsonNode code = startCode(CONSOLE, "Console");
        var approved = approve(code.path("user_code").asText(), alex);
        assertThat(http().delete("/api/v1/devices/" + approved.json().path("id").asText(), alex).status()).isEqualTo(200);
        var poll = poll(code);
        assertThat(poll.oauthError()).isEqualTo("access_denied");
        assertThat(poll.json().path("error_description").asText()).contains("unlinked before it collected its tokens");
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
    void wrongCodesLockAnAccountOutAndSayForHowLong() {
        // the window is shorter than the lockout here, so the lockout is what the account waits
        server(Map.of("limit.account-failures", "3", "limit.window", "120", "limit.lockout", "300"));
        String realCode = startCode(CONSOLE, "Console").path("user_code").asText();
        for (int i = 0; i < 3; i++) {
            var wrong = http().get("/api/v1/links/BBBB-BBB" + "CDFG".charAt(i), alex);
            assertThat(wrong.status()).isEqualTo(404);
            assertThat(wrong.problem()).isEqualTo("code-not-found");
        }
        var locked = http().get("/api/v1/links/" + realCode, alex);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.problem()).isEqualTo("too-many-attempts");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(290L, 301L);
        assertThat(locked.json().path("retryAfter").asLong()).isBetween(290L, 301L);
        assertThat(approve(realCode, alex).status()).isEqualTo(429);
        // another account on the same address is not locked by Alex's typos
        assertThat(http().get("/api/v1/links/" + realCode, bob).status()).isEqualTo(200);
        fixture.clock.advance(Duration.ofSeconds(301));
        assertThat(http().get("/api/v1/links/" + realCode, alex).status()).isEqualTo(200);
    }

    /**
     * RFC 10027's spray detection: a code looked up by two accounts may have been sent around. Each approver after the
     * first is told so, and the account it ends up linked to reads it in its activity.
     */
    @Test
    void aCodeLookedUpByTwoAccountsIsFlaggedToEachAndToTheOwner() {
        server();
        String userCode = startCode(CONSOLE, "Living-room TV").path("user_code").asText();
        assertThat(http().get("/api/v1/links/" + userCode, alex).json().path("seenByOthers").asBoolean()).as("the first to look").isFalse();
        assertThat(http().get("/api/v1/links/" + userCode, alex).json().path("seenByOthers").asBoolean()).as("the same, again").isFalse();
        assertThat(http().get("/api/v1/links/" + userCode, bob).json().path("seenByOthers").asBoolean()).as("a second account").isTrue();
        assertThat(http().get("/api/v1/links/" + userCode, alex).json().path("seenByOthers").asBoolean()).as("the first, told now").isTrue();
        assertThat(approve(userCode, bob).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/activity", bob).json()).extracting(e -> e.path("kind").asText()).contains("seen-by-others", "linked");

        String quiet = startCode(CONSOLE, "Kitchen TV").path("user_code").asText();
        http().get("/api/v1/links/" + quiet, alex);
        assertThat(approve(quiet, alex).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/activity", alex).json()).extracting(e -> e.path("kind").asText()).doesNotContain("seen-by-others");
    }

    /** A code asked for from {@code address} (behind this server's own proxy, which says where it came from). */
    Http.Response askFrom(String address, String clientId) {
        return http().form("/oauth2/device_authorization", Map.of("client_id", clientId, "device_name", "TV"),
                Map.of("X-Forwarded-For", address));
    }

    /** One script can no longer mint codes without bound: per address block, per app, and less after a report. */
    @Test
    void codesAreRationedPerNetworkAndPerAppAndAReportedNetworkGetsLess() {
        server(Map.of("trust-proxy", "true", "local-issuer.demo-accounts", "false", "issue.per-block", "20", "issue.per-app", "30"));
        for (int i = 0; i < 20; i++) {
            assertThat(askFrom("203.0.113.7", CONSOLE).status()).isEqualTo(200);
        }
        var refused = askFrom("203.0.113.7", CONSOLE);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.oauthError()).isEqualTo("slow_down");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(refused.json().path("error_description").asText()).contains("Try again in");
        assertThat(fixture.query("SELECT COUNT(*) AS n FROM pending_links").getFirst().get("n").toString()).as("nothing written").isEqualTo("20");

        // another network still gets codes, until the app's own ration is spent
        JsonNode fromHome = askFrom("198.51.100.9", CONSOLE).json();
        var denied = http().post("/api/v1/links/" + fromHome.path("user_code").asText() + "/deny", alex, "{\"report\":true}");
        assertThat(denied.status()).isEqualTo(204);
        assertThat(askFrom("198.51.100.9", CONSOLE).status()).as("a reported network gets a tenth: 2 of 20, 1 used").isEqualTo(200);
        assertThat(askFrom("198.51.100.9", CONSOLE).status()).isEqualTo(429);
        assertThat(askFrom("198.51.100.10", CONSOLE).status()).as("its neighbour is another block (/32)").isEqualTo(200);
        for (int i = 0; i < 7; i++) {
            assertThat(askFrom("192.0.2." + i, CONSOLE).status()).isEqualTo(200);
        }
        assertThat(askFrom("192.0.2.200", CONSOLE).status()).as("the app's 30 are spent").isEqualTo(429);

        fixture.clock.advance(Duration.ofSeconds(601));
        assertThat(askFrom("203.0.113.7", CONSOLE).status()).as("a new code lifetime, a new ration").isEqualTo(200);
    }

    @Test
    void wrongCodesFromOneAddressLockEveryAccountThere() {
        server(Map.of("limit.account-failures", "100", "limit.address-failures", "4"));
        String realCode = startCode(CONSOLE, "Console").path("user_code").asText();
        for (String token : List.of(alex, alex, bob, bob)) {
            assertThat(http().get("/api/v1/links/ZZZZ-ZZZZ", token).status()).isEqualTo(404);
        }
        String carol = fixture.issuer.token("carol-subject", "Carol");
        var locked = http().get("/api/v1/links/" + realCode, carol);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
    }

    @Test
    void tokensFromStrangersOrPastTheirTimeAreRefused() {
        server();
        try (var stranger = new TestIssuer()) {
            Map<String, String> refused = Map.of(
                    "no token", "",
                    "untrusted issuer", stranger.token("alex-subject", "Alex"),
                    "expired", fixture.issuer.token("alex-subject", "Alex", c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000))),
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
    void aDeviceSignsOutByRevokingItsRefreshToken() {
        server();
        JsonNode tokens = linkedDevice(alex, "Console");
        String refreshToken = tokens.path("refresh_token").asText();
        assertThat(http().form("/oauth2/revoke", Map.of("client_id", "demo-tv", "token", refreshToken)).oauthError())
                .isEqualTo("unauthorized_client");
        assertThat(http().form("/oauth2/revoke", Map.of("client_id", CONSOLE, "token", refreshToken)).status()).isEqualTo(200);
        assertThat(refresh(refreshToken).json().path("error_description").asText()).contains("signed out");
        assertThat(http().get("/api/v1/devices", alex).json().get(0).path("status").asText()).isEqualTo("unlinked");
        assertThat(http().form("/oauth2/revoke", Map.of("client_id", CONSOLE, "token", "unknown")).status()).isEqualTo(200);
        assertThat(http().form("/oauth2/revoke", Map.of("client_id", CONSOLE, "token", tokens.path("access_token").asText())).oauthError())
                .isEqualTo("unsupported_token_type");
    }

    @Test
    void ownersRenameTheirDevicesAndNobodyElseSeesOrTouchesThem() {
        server();
        linkedDevice(alex, "Console");
        String id = http().get("/api/v1/devices", alex).json().get(0).path("id").asText();
        var renamed = http().patch("/api/v1/devices/" + id, alex, "{\"name\":\"Bedroom console\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("Bedroom console");
        assertThat(http().get("/api/v1/devices", alex).json().get(0).path("name").asText()).isEqualTo("Bedroom console");
        assertThat(http().get("/api/v1/devices", bob).json()).isEmpty();
        assertThat(http().patch("/api/v1/devices/" + id, bob, "{\"name\":\"Mine now\"}").problem()).isEqualTo("device-not-found");
        assertThat(http().delete("/api/v1/devices/" + id, bob).problem()).isEqualTo("device-not-found");
        assertThat(http().get("/api/v1/devices", alex).json().get(0).path("status").asText()).isEqualTo("active");
    }

    @Test
    void anAccountCannotLinkMoreDevicesThanTheLimit() {
        server(Map.of("devices.max-per-account", "1"));
        linkedDevice(alex, "First");
        var second = approve(startCode(CONSOLE, "Second").path("user_code").asText(), alex);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problem()).isEqualTo("device-limit-reached");
        assertThat(second.json().path("detail").asText()).contains("Unlink one");
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
        assertThat(page.body()).contains("WDJB-MJHT").contains("href=\"devicelink://link?code&#61;WDJB-MJHT\"") // = as the template escapes it
                .contains("href=\"/link/signin\"");
        var hostile = http().get("/link?code=%3Cscript%3Ealert(1)%3C/script%3E", null);
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.body()).doesNotContain("<script>").contains("cannot be in a code");
        assertThat(http().get("/link", null).body()).contains("Sign in to link a console");
    }

    @Test
    void aWeekAfterExpiryARequestIsForgotten() {
        server();
        String userCode = startCode(CONSOLE, "Console").path("user_code").asText();
        var config = fixture.server().config();
        try (var database = new org.devicelink.server.store.Database(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 2)) {
            var housekeeping = new org.devicelink.server.store.Housekeeping(database.sql(), fixture.clock, Duration.ofDays(365));
            fixture.clock.advance(Duration.ofDays(6));
            assertThat(housekeeping.run().rows()).isZero();
            assertThat(http().get("/api/v1/links/" + userCode, alex).problem()).isEqualTo("code-expired");
            fixture.clock.advance(Duration.ofDays(2));
            assertThat(housekeeping.run().rows()).isPositive();
            assertThat(http().get("/api/v1/links/" + userCode, alex).problem()).isEqualTo("code-not-found");
        }
    }

    @Test
    void expiredRequestsAreForgottenInBatches() {
        server();
        for (int i = 0; i < 5; i++) {
            startCode(CONSOLE, "Console " + i);
        }
        var config = fixture.server().config();
        try (var database = new org.devicelink.server.store.Database(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 2)) {
            var housekeeping = new org.devicelink.server.store.Housekeeping(database.sql(), fixture.clock, Duration.ofDays(365), 2);
            fixture.clock.advance(Duration.ofDays(8));
            assertThat(housekeeping.run().batches().get("pending_links")).as("5 requests in batches of 2, 2 and 1").containsExactly(2, 2, 1);
            assertThat(database.sql().query("SELECT COUNT(*) AS n FROM pending_links", row -> row.number("n"))).containsExactly(0L);
        }
    }

    @Test
    void activityIsKeptForItsTimeThenSweptInBatches() {
        server();
        for (int i = 0; i < 3; i++) {
            assertThat(approve(startCode(CONSOLE, "Console " + i).path("user_code").asText(), alex).status()).isEqualTo(200);
        }
        assertThat(http().get("/api/v1/activity", alex).json()).hasSize(3);
        var config = fixture.server().config();
        try (var database = new org.devicelink.server.store.Database(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 2)) {
            var housekeeping = new org.devicelink.server.store.Housekeeping(database.sql(), fixture.clock, Duration.ofDays(30), 2);
            fixture.clock.advance(Duration.ofDays(29));
            assertThat(housekeeping.run().batches().get("activity")).as("nothing past its time yet").containsExactly(0);
            assertThat(http().get("/api/v1/activity", alex).json()).as("within its 30 days").hasSize(3);
            fixture.clock.advance(Duration.ofDays(2));
            assertThat(housekeeping.run().batches().get("activity")).containsExactly(2, 1);
            assertThat(http().get("/api/v1/activity", alex).json()).as("past them, in batches of 2 and 1").isEmpty();
        }
    }

    /** Runs the calls at the same moment and returns their results. */
    @SafeVarargs
    static <T> List<T> race(Supplier<T>... calls) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<CompletableFuture<T>>();
        try (var executor = Executors.newFixedThreadPool(calls.length)) {
            for (Supplier<T> call : calls) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }, executor));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
