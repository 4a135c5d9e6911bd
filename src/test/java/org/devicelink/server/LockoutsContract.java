package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wrong codes and sprayed codes: lockouts per account and per network, the flag on a code others looked up, and
 * codes rationed per network and per app.
 */
abstract class LockoutsContract extends DeviceFlowSteps {

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
        assertThat(http().get("/api/v1/links/" + userCode,
                alex).json().path("seenByOthers").asBoolean()).as("the first, told now").isTrue();
        assertThat(approve(userCode, bob).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/activity", bob).json()).extracting(e -> e.path("kind").asText()).contains("seen-by-others",
                "linked");

        String quiet = startCode(CONSOLE, "Kitchen TV").path("user_code").asText();
        http().get("/api/v1/links/" + quiet, alex);
        assertThat(approve(quiet, alex).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/activity", alex).json()).extracting(e -> e.path("kind").asText()).doesNotContain("seen-by-others");
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
        assertThat(fixture.query("SELECT COUNT(*) AS n FROM pending_links").getFirst().get("n").toString()).as("nothing written")
                .isEqualTo("20");

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
}
