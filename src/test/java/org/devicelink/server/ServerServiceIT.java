package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.devicelink.server.management.ManagementRoutes;
import org.devicelink.testing.Inputs;
import org.devicelink.testing.PackagedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a Debian service: its systemd unit (its own user, the sandbox) is one systemd accepts, and its
 * launcher starts the packaged jar with the package's heap settings and answers readiness on the management port.
 */
class ServerServiceIT {

    static final Path UNIT = Path.of("packaging/server/devicelink-server.service");
    static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path dir;

    @Test
    void theUnitRunsAsItsOwnUserInASandboxAndSystemdAcceptsIt() throws Exception {
        String unit = Files.readString(UNIT);
        assertThat(unit).contains("User=devicelink").contains("NoNewPrivileges=true").contains("ProtectSystem=strict")
                .contains("PrivateTmp=true").contains("StateDirectory=devicelink").contains("StateDirectoryMode=0700")
                .contains("CapabilityBoundingSet=\n").as("no W^X rule: the JVM's compiler writes code")
                .doesNotContain("MemoryDenyWriteExecute=true");

        Inputs.require(Files.isExecutable(SYSTEMD_ANALYZE), "systemd-analyze is not installed (.ci/run installs systemd)");
        // verify wants ExecStart to exist: the same unit, its command where this checkout has it
        Path copy = dir.resolve("devicelink-server.service");
        Files.writeString(copy, unit.replace("/usr/bin/devicelink-server", Path.of("packaging/server/devicelink-server")
                .toAbsolutePath().toString()));
        var verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", copy.toString()).redirectErrorStream(true).start();
        String said = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor()).as(said).isZero();
        assertThat(said).as("no warning about the unit").doesNotContain("devicelink-server.service:");
    }

    @Test
    void theLauncherStartsTheServerWhichAnswersReadiness() throws Exception {
        try (var server = PackagedServer.launcher(List.of("--data-dir", dir.resolve("data").toString(), "--port", "0",
                "--set", "management.port=0"))) {
            String ready = server.await(Pattern.compile("Health and metrics at (http://\\S+/health/ready)"));
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ready)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(ready).endsWith(ManagementRoutes.READY);
            var heap = ProcessHandle.of(server.process().pid()).flatMap(p -> p.info().arguments()).map(List::of).orElse(List.of());
            assertThat(heap).as("the package's heap ceiling").contains("-Xmx320m");
        }
    }
}
