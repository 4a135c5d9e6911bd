package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.devicelink.device.DeviceClient;
import org.devicelink.server.management.ManagementRoutes;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.LinkingDevice;
import org.devicelink.testing.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a deployment on PostgreSQL survives: the database stopped and started again during a flow, and a node that
 * vanishes while it holds a device's poll. A PostgreSQL of its own, on a fixed port and data folder, so it can restart.
 */
class PostgresFaultsTest {

    @TempDir
    Path pgData;
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    int pgPort;
    EmbeddedPostgres postgres;
    String url;
    LinkServerFixture a;
    LinkServerFixture b;

    @BeforeEach
    void startPostgres() throws Exception {
        pgPort = freePort();
        postgres = startPostgres(pgPort);
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE faults");
        }
        url = postgres.getJdbcUrl("postgres", "faults");
    }

    @AfterEach
    void stop() throws IOException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(pgData).setCleanDataDirectory(false).start();
    }

    @Test
    void postgresStoppedAndStartedAgainDuringAFlowFailsFastThenRecoversLosingNothing() throws Exception {
        a = new LinkServerFixture(dataDir -> url, dirA, Map.of());
        b = a.anotherNode(dirB);
        String alex = a.issuer.token("alex-subject", "Alex");
        JsonNode approved = startCode(a);
        assertThat(a.http().post("/api/v1/links/" + approved.path("user_code").asText() + "/approve", alex, "{}").status()).isEqualTo(200);

        postgres.close();
        // answered (503), not hung: the guard is only there so that a hang fails instead of stalling the build
        var poll = CompletableFuture.supplyAsync(() -> poll(a, approved)).get(60, TimeUnit.SECONDS);
        assertThat(poll.status()).as(poll.body()).isEqualTo(503);
        assertThat(poll.oauthError()).isEqualTo("temporarily_unavailable");
        assertThat(poll.header("Retry-After")).isEqualTo("5");
        var devices = a.http().get("/api/v1/devices", alex);
        assertThat(devices.status()).as(devices.body()).isEqualTo(503);
        assertThat(devices.problem()).isEqualTo("unavailable");
        assertThat(devices.json().path("detail").asText()).contains("cannot reach its database").contains("try again in 5 seconds");
        assertThat(a.http().form("/oauth2/device_authorization", Map.of("client_id", DeviceFlowContract.CONSOLE)).status()).isEqualTo(503);

        postgres = startPostgres(pgPort);
        var collected = eventually(() -> poll(a, approved), r -> r.status() != 503);
        assertThat(collected.status()).as("the approval made before the outage: " + collected.body()).isEqualTo(200);
        assertThat(collected.json().path("refresh_token").asText()).isNotBlank();

        // a node's pool may still hold connections from before the restart: those requests fail fast (503) meanwhile
        for (var node : List.of(a, b)) {
            eventually(() -> node.http().form("/oauth2/device_authorization", Map.of("client_id", DeviceFlowContract.CONSOLE)).status(),
                    status -> status == 200);
        }
        // both nodes hear each other's decisions again: a poll held on A answers an approval on B at once
        eventually(() -> startCode(a), code -> a.server().load().rememberedCodes() > 0); // A remembers codes only while it listens
        eventually(() -> startCode(b), code -> b.server().load().rememberedCodes() > 0);
        JsonNode code = startCode(a);
        var held = CompletableFuture.supplyAsync(() -> heldPoll(a, code), Executors.newVirtualThreadPerTaskExecutor());
        eventually(() -> a.server().load().heldPolls(), n -> n == 1);
        assertThat(b.http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", alex, "{}").status()).isEqualTo(200);
        assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(307);
    }

    /** Readiness follows the database: 200, then 503 with the reason while PostgreSQL is down, then 200 again. */
    @Test
    void readinessGoesDownWithPostgresAndComesBackWithIt() throws Exception {
        a = new LinkServerFixture(dataDir -> url, dirA, Map.of());
        var ready = URI.create("http://127.0.0.1:" + a.server().managementPort() + ManagementRoutes.READY);
        var client = HttpClient.newHttpClient();
        Callable<HttpResponse<String>> ask = () -> client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ask.call().statusCode()).isEqualTo(200);

        postgres.close();
        var down = eventually(() -> call(ask), r -> r.statusCode() != 200);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"").containsPattern("\"database\":\"the database (did not answer|failed)");

        postgres = startPostgres(pgPort);
        var up = eventually(() -> call(ask), r -> r.statusCode() == 200);
        assertThat(up.body()).contains("\"decisions\":\"UP\"").as("the LISTEN connection is back too");
    }

    private static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNodeThatVanishesWhileHoldingADevicesPollLeavesTheDeviceToCompleteThroughAnother() throws Exception {
        try (var proxy = new TcpProxy()) {
            var plain = Map.of("tls", "false", "public-url", "http://localhost:" + proxy.port());
            a = new LinkServerFixture(dataDir -> url, dirA, plain);
            b = a.anotherNode(dirB);
            proxy.nodes(List.of(a.server().port(), b.server().port()));
            String alex = a.issuer.token("alex-subject", "Alex");
            var device = new DeviceClient(URI.create("http://localhost:" + proxy.port()), DeviceFlowContract.CONSOLE, null);
            var console = LinkingDevice.start(device, "Console", null);
            String userCode = console.code().userCode();
            eventually(() -> a.server().load().heldPolls(), n -> n == 1);

            proxy.kill(a.server().port()); // A is gone mid-poll for the device, as a crashed machine is, but still holds it
            eventually(() -> b.server().load().heldPolls(), n -> n == 1); // the device polls again, through B
            // approved on A, which hears first: its hold, whose client is gone, must not use the code up
            var nodeA = new Http("http://localhost:" + a.server().port(), null);
            assertThat(nodeA.post("/api/v1/links/" + userCode + "/approve", alex, "{}").status()).isEqualTo(200);
            var tokens = console.linked().get(10, TimeUnit.SECONDS);
            assertThat(tokens.refreshToken()).isNotBlank();
        }
    }

    @Test
    void aStuckDatabaseCostsRequestsSecondsNeverTheServersThreads() throws Exception {
        a = new LinkServerFixture(dataDir -> url, dirA, Map.of());
        JsonNode waiting = startCode(a);
        assertThat(poll(a, waiting).oauthError()).isEqualTo("authorization_pending");
        try (Connection lock = postgres.getDatabase("postgres", "faults").getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE pending_links IN ACCESS EXCLUSIVE MODE"); // every new code waits on it
            var stuck = new ArrayList<CompletableFuture<Http.Response>>();
            var threads = Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; i < 30; i++) { // three times the pool
                stuck.add(CompletableFuture.supplyAsync(() -> a.http().form("/oauth2/device_authorization",
                        Map.of("client_id", DeviceFlowContract.CONSOLE)), threads));
            }
            // every connection of the pool waits on the lock, and the rest of the requests wait for a connection
            Eventually.until(() -> lockWaiters(lock), waiters -> waiters >= 10);
            // meanwhile, what needs no database is served at once
            var metadata = CompletableFuture.supplyAsync(() -> a.http().get("/.well-known/oauth-authorization-server", null), threads);
            assertThat(metadata.get(2, TimeUnit.SECONDS).status()).isEqualTo(200);
            a.clock.advance(Duration.ofSeconds(2));
            var remembered = CompletableFuture.supplyAsync(() -> poll(a, waiting), threads);
            assertThat(remembered.get(2, TimeUnit.SECONDS).oauthError()).isEqualTo("authorization_pending");
            // all answered 503 while the lock is still held: the statement timeout ended them, not the lock's release
            for (var answer : stuck) {
                var response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isEqualTo("5");
            }
            lock.rollback();
        }
        assertThat(a.http().form("/oauth2/device_authorization", Map.of("client_id", DeviceFlowContract.CONSOLE)).status()).isEqualTo(200);
    }

    static JsonNode startCode(LinkServerFixture node) {
        var response = node.http().form("/oauth2/device_authorization", Map.of("client_id", DeviceFlowContract.CONSOLE));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static Http.Response poll(LinkServerFixture node, JsonNode code) {
        return node.http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", DeviceFlowContract.CONSOLE, "device_code", code.path("device_code").asText()));
    }

    static Http.Response heldPoll(LinkServerFixture node, JsonNode code) {
        return node.http().form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", DeviceFlowContract.CONSOLE, "device_code", code.path("device_code").asText()), Map.of("Prefer", "wait=20"));
    }

    /** Calls {@code call} until {@code done} holds, for up to 30 s; returns the last result. */
    static <T> T eventually(Supplier<T> call, Predicate<T> done) {
        return Eventually.until(call, done);
    }

    /** How many statements wait for a lock on {@code pending_links}, as the database itself reports. */
    private static int lockWaiters(Connection connection) {
        try (var result = connection.createStatement().executeQuery(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'pending_links'::regclass")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
