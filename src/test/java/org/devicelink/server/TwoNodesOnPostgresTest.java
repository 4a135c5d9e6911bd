package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.testing.Databases;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two link server nodes on one PostgreSQL, as behind a load balancer: nothing that matters lives in one node's memory.
 * A code issued on one is approved on the other, redeemed once, and limited by counts both share.
 */
class TwoNodesOnPostgresTest {

    static final String CONSOLE = DeviceFlowContract.CONSOLE;

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    LinkServerFixture a;
    LinkServerFixture b;
    String alex;

    @BeforeEach
    void start() {
        a = new LinkServerFixture(Databases.POSTGRES, dirA, Map.of("limit.account-failures", "4"));
        b = a.anotherNode(dirB);
        alex = a.issuer.token("alex-subject", "Alex");
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
    }

    static JsonNode startCode(LinkServerFixture node) {
        var response = node.http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", "Console"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static Http.Response poll(LinkServerFixture node, JsonNode code, int wait) {
        return node.http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", code.path("device_code").asText()),
                wait > 0 ? Map.of("Prefer", "wait=" + wait) : Map.of());
    }

    Http.Response approve(LinkServerFixture node, JsonNode code) {
        return node.http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", alex, "{}");
    }

    static <T> CompletableFuture<T> whileHeld(LinkServerFixture node, Supplier<T> call) throws InterruptedException {
        var answer = CompletableFuture.supplyAsync(call, Executors.newVirtualThreadPerTaskExecutor());
        Eventually.until(() -> node.server().load().heldPolls() >= 1 || answer.isDone(), reached -> reached);
        assertThat(node.server().load().heldPolls()).as("polls held").isEqualTo(1);
        return answer;
    }

    @Test
    void aCodeIssuedOnOneNodeAndApprovedOnTheOtherAnswersThePollHeldOnTheFirstAtOnce() throws Exception {
        JsonNode code = startCode(a);
        var held = whileHeld(a, () -> poll(a, code, 20));
        assertThat(approve(b, code).status()).isEqualTo(200);
        var answer = held.get(10, TimeUnit.SECONDS); // told by B's NOTIFY, long before A's 20 s hold ends
        assertThat(answer.status()).as(answer.body()).isEqualTo(307);
        var collected = poll(a, code, 20);
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        assertThat(collected.json().path("access_token").asText()).isNotBlank();
        assertThat(poll(b, code, 0).json().path("error_description").asText()).contains("already been used");
    }

    @Test
    void aDecisionOnOneNodeReachesTheOthersMemoryOfPendingCodes() throws Exception {
        JsonNode code = startCode(a);
        assertThat(poll(b, code, 0).oauthError()).isEqualTo("authorization_pending");
        assertThat(b.server().load().rememberedCodes()).isEqualTo(1); // B answers this code's polls from memory now
        assertThat(approve(a, code).status()).isEqualTo(200);
        Eventually.until(() -> b.server().load().rememberedCodes(), remembered -> remembered == 0); // B heard A's NOTIFY
        a.clock.advance(Duration.ofSeconds(2));
        assertThat(poll(b, code, 0).status()).isEqualTo(200);
    }

    @Test
    void bothNodesRedeemingOneCodeAtOnceYieldOneToken() throws Exception {
        for (int round = 0; round < 5; round++) {
            JsonNode code = startCode(round % 2 == 0 ? a : b);
            assertThat(approve(a, code).status()).isEqualTo(200);
            // the node that issued the code answers its polls from memory until it hears of the approval: the race is
            // over the redemption, so it starts once both know (else that node may say authorization_pending, rightly)
            Eventually.until(() -> a.server().load().rememberedCodes() + b.server().load().rememberedCodes(),
                    remembered -> remembered == 0);
            List<Http.Response> answers = DeviceFlowContract.race(() -> poll(a, code, 0), () -> poll(b, code, 0));
            assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 400);
            assertThat(answers).extracting(Http.Response::oauthError).contains("invalid_grant");
        }
        assertThat(a.http().get("/api/v1/devices", alex).json()).hasSize(5);
    }

    @Test
    void anAppsDeviceLimitAndTheOneConsoleRuleHoldWhenTwoNodesApproveAtOnce() throws Exception {
        a.putApp(new DeviceAppStore.App("test-one", "One TV", List.of("offline_access"), 1, false));
        for (int round = 0; round < 3; round++) {
            JsonNode first = code(a, "test-one");
            JsonNode second = code(b, "test-one");
            List<Http.Response> answers = DeviceFlowContract.race(() -> approve(a, first), () -> approve(b, second));
            assertThat(answers).extracting(Http.Response::status)
                    .containsExactlyInAnyOrderElementsOf(round == 0 ? List.of(200, 409) : List.of(409, 409));
        }
        for (int round = 0; round < 3; round++) {
            JsonNode first = code(a, "demo-game");
            JsonNode second = code(b, "demo-game");
            DeviceFlowContract.race(() -> approve(a, first), () -> approve(b, second));
        }
        var active = a.query("SELECT client_id FROM linked_devices WHERE status = 'active'");
        assertThat(active).extracting(r -> r.get("client_id")).containsExactlyInAnyOrder("test-one", "demo-game");
    }

    static JsonNode code(LinkServerFixture node, String app) {
        var response = node.http().form("/oauth2/device_authorization", Map.of("client_id", app, "device_name", "TV"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void wrongCodesCountOnBothNodesTogether() {
        String realCode = startCode(a).path("user_code").asText();
        for (int i = 0; i < 4; i++) { // two on each node: four in all, the limit
            var node = i % 2 == 0 ? a : b;
            assertThat(node.http().get("/api/v1/links/BBBB-BBB" + "CDFG".charAt(i), alex).status()).isEqualTo(404);
        }
        assertThat(a.http().get("/api/v1/links/" + realCode, alex).status()).isEqualTo(429);
        assertThat(b.http().get("/api/v1/links/" + realCode, alex).status()).isEqualTo(429);
    }

    @Test
    void slowDownHoldsOnEachNodeWithinOnePollPerNodePerInterval() {
        JsonNode code = startCode(a);
        assertThat(poll(a, code, 0).oauthError()).isEqualTo("authorization_pending");
        var slowed = poll(a, code, 0);
        assertThat(slowed.oauthError()).isEqualTo("slow_down");
        assertThat(slowed.json().path("interval").asInt()).isEqualTo(6);
        // B has not seen this device poll: its first poll is answered (the documented allowance: one per node) ...
        assertThat(poll(b, code, 0).oauthError()).isEqualTo("authorization_pending");
        // ... and B paces it by its own count (a poll too early writes nothing that B could read)
        var slowedOnB = poll(b, code, 0);
        assertThat(slowedOnB.oauthError()).isEqualTo("slow_down");
        assertThat(slowedOnB.json().path("interval").asInt()).isEqualTo(6);
    }

    @Test
    void aRememberedPendingCodeIsAnsweredWithoutTouchingTheDatabase() throws Exception {
        JsonNode code = startCode(a);
        assertThat(poll(a, code, 0).oauthError()).isEqualTo("authorization_pending");
        var config = a.server().config();
        // nobody may read or write pending_links while this transaction holds it: a poll that did would wait
        try (Connection lock = DriverManager.getConnection(config.databaseUrl(), "postgres", "")) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE pending_links IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < 3; i++) {
                a.clock.advance(Duration.ofSeconds(2));
                var answer = CompletableFuture.supplyAsync(() -> poll(a, code, 0), Executors.newVirtualThreadPerTaskExecutor())
                        .get(3, TimeUnit.SECONDS);
                assertThat(answer.oauthError()).isEqualTo("authorization_pending");
            }
            lock.rollback();
        }
    }
}
