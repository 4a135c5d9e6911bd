package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.devicelink.device.DeviceClient;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.testing.LinkingDevice;
import org.junit.jupiter.api.Test;

/**
 * Polls as the server paces and holds them: slow_down for a device that polls too fast, and a poll held until its code
 * is decided (Prefer: wait), on any node.
 */
abstract class HeldPollsContract extends DeviceFlowSteps {

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
        var linking = LinkingDevice.start(device, "Console", null);
        String userCode = linking.code().userCode();
        for (int i = 0; i < 500 && fixture.server().load().heldPolls() == 0; i++) {
            Thread.sleep(10); // the kit's first poll goes at once, and is held
        }
        assertThat(fixture.server().load().heldPolls()).isEqualTo(1);
        long approving = System.nanoTime();
        assertThat(approve(userCode, alex).status()).isEqualTo(200);
        var tokens = linking.linked().get(5, TimeUnit.SECONDS);
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
        assertThat(http().get("/.well-known/oauth-authorization-server",
                null).json().has(DeviceAuthorization.POLL_WAIT_METADATA)).isFalse();
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
}
