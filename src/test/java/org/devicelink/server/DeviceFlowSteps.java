package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;

/**
 * The device flow's steps as a device and a person take them, over real HTTPS, for the contracts built on them: a
 * code asked for, polled (or held), approved, refreshed; two people, Alex and Bob.
 */
abstract class DeviceFlowSteps extends ServerContract {

    static final String CONSOLE = "demo-console";

    String alex;
    String bob;

    LinkServerFixture server(Map<String, String> settings) {
        start(settings);
        signIn();
        return fixture;
    }

    /** Alex's and Bob's apps sign in: their tokens last ten minutes of the server's time. */
    void signIn() {
        alex = fixture.issuer.token("alex-subject", "Alex");
        bob = fixture.issuer.token("bob-subject", "Bob");
    }

    /** Moves the server's time on; the apps sign in again, as they would after that long. */
    void later(Duration by) {
        fixture.clock.advance(by);
        signIn();
    }

    LinkServerFixture server() {
        return server(Map.of());
    }

    JsonNode startCode(String clientId, String deviceName) {
        var response = http().form("/oauth2/device_authorization", Map.of("client_id", clientId, "device_name", deviceName,
                "device_model", "DL-2"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    Http.Response poll(JsonNode code) {
        return poll(code.path("device_code").asText());
    }

    /** A poll with a device code as given: one the server issued, or one forged from it. */
    Http.Response poll(String deviceCode) {
        return http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", deviceCode));
    }

    /** A poll that asks to be held until the code is decided, up to {@code seconds}. */
    Http.Response heldPoll(JsonNode code, int seconds) {
        return http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", CONSOLE, "device_code", code.path("device_code").asText()), Map.of("Prefer", "wait=" + seconds));
    }

    /** Runs a call on a thread of its own and waits until this node holds {@code held} polls. */
    <T> CompletableFuture<T> whileHeld(Supplier<T> call, int held) throws InterruptedException {
        var answer = CompletableFuture.supplyAsync(call, Executors.newVirtualThreadPerTaskExecutor());
        Eventually.until(() -> fixture.server().load().heldPolls() >= held || answer.isDone(), reached -> reached);
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

    /** A code asked for from {@code address} (behind this server's own proxy, which says where it came from). */
    Http.Response askFrom(String address, String clientId) {
        return http().form("/oauth2/device_authorization", Map.of("client_id", clientId, "device_name", "TV"),
                Map.of("X-Forwarded-For", address));
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
