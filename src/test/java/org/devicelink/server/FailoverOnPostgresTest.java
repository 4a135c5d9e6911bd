package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicelink.server.PostgresFaultsTest.eventually;
import static org.devicelink.server.PostgresFaultsTest.poll;
import static org.devicelink.server.PostgresFaultsTest.startCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.LinkingDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's failover recipe, under a running node: a PostgreSQL primary with a synchronous streaming standby, the
 * node on the multi-host URL ({@code targetServerType=primary}); the primary killed (SIGKILL, as a crashed machine) in
 * the middle of a stream of approvals, the standby promoted. Every approval the node acknowledged survives, new links
 * are served without restarting the node, and a device waiting on a held poll completes.
 */
class FailoverOnPostgresTest {

    @TempDir
    Path primaryData;
    @TempDir
    Path standbyData;
    @TempDir
    Path nodeDir;
    EmbeddedPostgres primary;
    EmbeddedPostgres standby;
    LinkServerFixture node;

    @AfterEach
    void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            try {
                primary.close();
            } catch (IOException | RuntimeException alreadyKilled) {
                // the test killed it; nothing is left to stop
            }
        }
    }

    @Test
    void killingThePrimaryLosesNoAcknowledgedApprovalAndTheNodeCarriesOnOnThePromotedStandby() throws Exception {
        int primaryPort = freePort();
        int standbyPort = freePort();
        startPrimaryAndStandby(primaryPort, standbyPort);
        String url = "jdbc:postgresql://localhost:" + primaryPort + ",localhost:" + standbyPort
                + "/failover?user=postgres&targetServerType=primary";
        node = new LinkServerFixture(dataDir -> url, nodeDir, Map.of("devices.max-per-account", "200"));
        String alex = node.issuer.token("alex-subject", "Alex");

        // a device that waits on held polls through the whole failover
        var device = node.device(DeviceFlowContract.CONSOLE);
        var console = LinkingDevice.start(device, "Console", null);
        String waiting = console.code().userCode();
        eventually(() -> node.server().load().heldPolls(), n -> n == 1);

        // approvals one after another while the primary dies: only those answered 200 were promised
        var codes = new ArrayList<JsonNode>();
        for (int i = 0; i < 60; i++) {
            codes.add(startCode(node));
        }
        var acknowledged = new ConcurrentLinkedQueue<JsonNode>();
        var approving = CompletableFuture.runAsync(() -> {
            for (JsonNode code : codes) {
                var answer = node.http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", alex, "{}");
                if (answer.status() == 200) {
                    acknowledged.add(code);
                }
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        Eventually.until("a third of the approvals acknowledged", () -> acknowledged.size() >= 20);
        long killed = System.nanoTime();
        killPostmaster(primaryData);
        try (Connection connection = standby.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("SELECT pg_promote()"); // what pg_ctl promote does; waits until it is done
        }
        double promoted = seconds(killed);
        approving.get(120, TimeUnit.SECONDS);

        var fresh = eventually(() -> node.http().form("/oauth2/device_authorization", Map.of("client_id", DeviceFlowContract.CONSOLE)),
                response -> response.status() == 200);
        double serving = seconds(killed);
        assertThat(node.http().post("/api/v1/links/" + fresh.json().path("user_code").asText() + "/approve", alex, "{}").status())
                .isEqualTo(200);
        assertThat(poll(node, fresh.json()).json().path("refresh_token").asText()).as("a new link, after the failover").isNotBlank();

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        for (JsonNode code : acknowledged) {
            var tokens = eventually(() -> poll(node, code), response -> response.status() != 503);
            assertThat(tokens.status()).as("acknowledged before the primary died: " + tokens.body()).isEqualTo(200);
            assertThat(tokens.json().path("refresh_token").asText()).isNotBlank();
        }

        var approveWaiting = eventually(() -> node.http().post("/api/v1/links/" + waiting + "/approve", alex, "{}"),
                response -> response.status() != 503);
        assertThat(approveWaiting.status()).as(approveWaiting.body()).isEqualTo(200);
        assertThat(console.linked().get(60, TimeUnit.SECONDS).refreshToken()).as("the device that waited on a held poll").isNotBlank();
        System.out.printf("failover: standby promoted %.1f s after the primary was killed; the node served a new code %.1f s after;"
                + " %d of %d approvals acknowledged, all kept%n", promoted, serving, acknowledged.size(), codes.size());
    }

    /**
     * The primary with its standby streaming synchronously. The standby starts from a copy of the primary's stopped data
     * folder (what pg_basebackup copies from a running one; the embedded PostgreSQL ships no pg_basebackup).
     */
    private void startPrimaryAndStandby(int primaryPort, int standbyPort) throws Exception {
        primary = postgres(primaryPort, primaryData);
        try (Connection connection = primary.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE failover");
        }
        primary.close();
        try (var files = Files.walk(primaryData)) {
            for (Path from : files.toList()) {
                Path to = standbyData.resolve(primaryData.relativize(from).toString());
                String name = from.getFileName().toString();
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!name.equals("postmaster.pid") && !name.equals("epg-lock")) {
                    Files.copy(from, to);
                }
            }
        }
        // what pg_basebackup -R writes
        Files.createFile(standbyData.resolve("standby.signal"));
        Files.writeString(standbyData.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=localhost port=" + primaryPort + " user=postgres application_name=standby'\n",
                StandardOpenOption.APPEND);
        primary = postgres(primaryPort, primaryData);
        standby = postgres(standbyPort, standbyData);
        try (Connection connection = primary.getPostgresDatabase().getConnection()) {
            // only once the standby streams: with no standby to answer, every commit would wait
            Eventually.until("the standby streams", () -> syncState(connection) != null);
            connection.createStatement().execute("ALTER SYSTEM SET synchronous_standby_names = 'standby'");
            connection.createStatement().execute("SELECT pg_reload_conf()");
            Eventually.until("the standby is synchronous", () -> "sync".equals(syncState(connection)));
        }
    }

    /**
     * PostgreSQL's own default for commits: the embedded one turns {@code synchronous_commit} off for speed, and with it
     * off a commit waits for neither the disk nor the standby (this test then loses acknowledged approvals).
     */
    private static EmbeddedPostgres postgres(int port, Path data) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").start();
    }

    private static String syncState(Connection connection) {
        try (var result = connection.createStatement().executeQuery(
                "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby'")) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL to the postmaster, as a machine that dies: no checkpoint, no goodbye to its clients or its standby. */
    private static void killPostmaster(Path dataDir) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
        var postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> backends = postmaster.children().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
        backends.forEach(ProcessHandle::destroyForcibly); // a dead postmaster's backends would linger until they notice
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
