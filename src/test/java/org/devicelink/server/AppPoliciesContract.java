package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-app policies over real HTTPS, on H2 and PostgreSQL: one console at a time (the demo game, Minecraft's rule in
 * the background articles) signs the older out, with a clear word to it; a most-devices limit refuses naming the
 * app's devices, and "unlink one and link this" is one step; both hold when approvals come at once.
 */
abstract class AppPoliciesContract extends ServerContract {

    static final String GAME = "demo-game";
    static final String LIMITED = "test-limited";

    String alex;

    @BeforeEach
    void start() {
        start(Map.of());
        fixture.putApp(new DeviceAppStore.App(LIMITED, "Limited TV", List.of("offline_access", "profile"), 2, false));
        alex = fixture.issuer.token("alex", "Alex Morgan");
    }

    JsonNode startCode(String app, String name) {
        var response = http().form("/oauth2/device_authorization", Map.of("client_id", app, "device_name", name));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    Http.Response approve(JsonNode code, String body) {
        return http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", alex, body);
    }

    /** The device collects its tokens: its refresh token. */
    String collect(String app, JsonNode code) {
        var tokens = http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", app, "device_code", code.path("device_code").asText()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return tokens.json().path("refresh_token").asText();
    }

    Http.Response refresh(String app, String refreshToken) {
        return http().form("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", app, "refresh_token", refreshToken));
    }

    @Test
    void oneConsoleAtATimeSaysWhichGoesBeforeAndSignsItOutWithAClearWord() {
        var first = startCode(GAME, "Living-room Switch");
        assertThat(approve(first, "{}").status()).isEqualTo(200);
        String firstToken = collect(GAME, first);

        var second = startCode(GAME, "Bedroom Xbox");
        var asking = http().get("/api/v1/links/" + second.path("user_code").asText(), alex).json();
        assertThat(asking.path("signsOut").path("me")).extracting(JsonNode::asText).containsExactly("Living-room Switch");
        assertThat(approve(second, "{}").status()).isEqualTo(200);
        collect(GAME, second);

        var refused = refresh(GAME, firstToken);
        assertThat(refused.oauthError()).isEqualTo("invalid_grant");
        assertThat(refused.json().path("error_description").asText()).contains("one console at a time");
        var devices = http().get("/api/v1/devices", alex).json();
        assertThat(devices.get(0).path("name").asText()).isEqualTo("Bedroom Xbox");
        assertThat(devices.get(0).path("status").asText()).isEqualTo("active");
        assertThat(devices.get(1).path("status").asText()).as("the older console").isEqualTo("unlinked");
        assertThat(http().get("/api/v1/activity", alex).json()).extracting(e -> e.path("kind").asText()).contains("replaced");
        assertThat(http().get("/api/v1/links/" + startCode("demo-console", "TV").path("user_code").asText(), alex).json()
                .path("signsOut")).as("another app has no such rule").isEmpty();
    }

    @Test
    void aParentIsToldWhichOfAChildsConsolesGoesBeforeLinkingAnotherToTheChild() {
        String parent = fixture.issuer.token("pat", "Pat Lee", b -> b.claim("roles", List.of("organizer")).claim("family", "f-9"));
        String child = fixture.issuer.token("kim", "Kim Lee", b -> b.claim("roles", List.of("child")).claim("family", "f-9"));
        assertThat(http().get("/api/v1/devices", child).status()).isEqualTo(200); // Kim has signed in here
        String kim = null;
        for (JsonNode m : http().get("/api/v1/family/members", parent).json()) {
            if (m.path("name").asText().equals("Kim Lee")) {
                kim = m.path("id").asText();
            }
        }
        var first = startCode(GAME, "Kim's Switch");
        assertThat(http().post("/api/v1/links/" + first.path("user_code").asText() + "/approve", parent, "{\"account\":\"" + kim + "\"}")
                .status()).isEqualTo(200);
        var second = startCode(GAME, "Kim's Xbox");
        var asking = http().get("/api/v1/links/" + second.path("user_code").asText(), parent).json();
        assertThat(asking.path("signsOut").path(kim)).extracting(JsonNode::asText).containsExactly("Kim's Switch");
        assertThat(asking.path("signsOut").has("me")).as("Pat has no console of this game").isFalse();
    }

    @Test
    void anAppsDeviceLimitRefusesNamingItsDevicesAndUnlinkOneAndLinkThisIsOneStep() {
        assertThat(approve(startCode(LIMITED, "Kitchen TV"), "{}").status()).isEqualTo(200);
        assertThat(approve(startCode(LIMITED, "Bedroom TV"), "{}").status()).isEqualTo(200);
        assertThat(approve(startCode("demo-console", "Console"), "{}").status()).as("other apps do not count").isEqualTo(200);

        var third = startCode(LIMITED, "Office TV");
        var refused = approve(third, "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("device-limit-reached");
        assertThat(refused.json().path("detail").asText()).contains("Limited TV allows 2 devices").contains("Kitchen TV")
                .contains("Bedroom TV");

        String kitchen = null;
        String console = null;
        for (JsonNode d : http().get("/api/v1/devices", alex).json()) {
            if (d.path("name").asText().equals("Kitchen TV")) {
                kitchen = d.path("id").asText();
            }
            if (d.path("name").asText().equals("Console")) {
                console = d.path("id").asText();
            }
        }
        assertThat(approve(third, "{\"replace\":\"" + console + "\"}").status()).as("only a device of the same app").isEqualTo(404);
        assertThat(approve(third, "{\"replace\":\"not-an-id\"}").status()).isEqualTo(404);
        var swapped = approve(third, "{\"replace\":\"" + kitchen + "\"}");
        assertThat(swapped.status()).as(swapped.body()).isEqualTo(200);
        var active = http().get("/api/v1/devices", alex).json();
        assertThat(active).filteredOn(d -> d.path("status").asText().equals("active")).extracting(d -> d.path("name").asText())
                .containsExactlyInAnyOrder("Office TV", "Bedroom TV", "Console");
    }

    @Test
    void bothRulesHoldWhenApprovalsComeAtOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            var a = startCode(LIMITED, "TV A" + round);
            var b = startCode(LIMITED, "TV B" + round);
            var answers = DeviceFlowContract.race(() -> approve(a, "{}"), () -> approve(b, "{}"));
            long active = countActive(LIMITED);
            assertThat(active).as("never past the app's 2").isLessThanOrEqualTo(2);
            if (round == 0) {
                assertThat(answers).extracting(Http.Response::status).containsOnly(200);
            } else {
                assertThat(answers).extracting(Http.Response::status).containsOnly(409);
            }
        }
        var x = startCode(GAME, "Console X");
        var y = startCode(GAME, "Console Y");
        DeviceFlowContract.race(() -> approve(x, "{}"), () -> approve(y, "{}"));
        assertThat(countActive(GAME)).as("one console, whichever came second signs the first out").isEqualTo(1);
    }

    long countActive(String app) {
        return fixture.query("SELECT COUNT(*) AS n FROM linked_devices WHERE client_id = ? AND status = 'active'", app)
                .stream().mapToLong(r -> ((Number) r.get("n")).longValue()).sum();
    }
}
