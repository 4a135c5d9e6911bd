package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.devicelink.testing.Http;
import org.devicelink.testing.PackagedServer;
import org.devicelink.testing.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs as an operator runs them: {@code java -jar target/devicelink.jar server} and {@code … device} as
 * separate processes, talking over HTTPS, linked by an approver through the companion API.
 */
class PackagedProgramsIT {

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theServerAndASimulatedDeviceRunFromThePackagedJar() throws Exception {
        try (var issuer = new TestIssuer()) {
            List<String> server = new ArrayList<>(List.of("server", "--data-dir", dir.resolve("data").toString(), "--port", "0",
                    "--set", "management.port=0", "--set", "code.interval=1"));
            issuer.trustSettings().forEach((key, value) -> server.addAll(List.of("--set", key + "=" + value)));
            PackagedServer serverOut = run(server);
            String baseUrl = serverOut.await(Pattern.compile("link server on (https://localhost:\\d+)"));
            Path certificate = dir.resolve("data/tls/server.pem");
            assertThat(certificate).exists();

            PackagedServer deviceOut = run(List.of("device", "--server", baseUrl, "--ca", certificate.toString(), "--name", "Attic TV",
                    "--refresh-every", "1", "--once"));
            String code = deviceOut.await(Pattern.compile("\\n\\s+([B-Z]{4}-[B-Z]{4})\\n"));

            var http = new Http(baseUrl, certificate);
            String alex = issuer.token("alex-subject", "Alex");
            var lookup = http.get("/api/v1/links/" + code, alex);
            assertThat(lookup.json().path("deviceName").asText()).isEqualTo("Attic TV");
            assertThat(http.post("/api/v1/links/" + code + "/approve", alex, "").status()).isEqualTo(200);
            deviceOut.await(Pattern.compile("(Linked to Alex\\.)"));

            String id = http.get("/api/v1/devices", alex).json().get(0).path("id").asText();
            http.delete("/api/v1/devices/" + id, alex);
            deviceOut.await(Pattern.compile("(Unlinked: .*)"));
            assertThat(processes.get(1).waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(processes.get(1).exitValue()).isZero();
        }
    }

    @Test
    void theAccountsCommandSaysToStopTheServerThatHoldsItsH2File() throws Exception {
        Path data = dir.resolve("data");
        run(List.of("server", "--data-dir", data.toString(), "--port", "0", "--set", "management.port=0"))
                .await(Pattern.compile("(link server on)"));
        PackagedServer list = run(List.of("server", "accounts", "list", "--data-dir", data.toString()));
        assertThat(processes.getLast().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(processes.getLast().exitValue()).isEqualTo(2);
        assertThat(list.text()).contains("the server is running on " + data).contains("Stop the server");
    }

    @Test
    void aWrongSettingStopsTheServerWithItsName() throws Exception {
        PackagedServer out = run(List.of("server", "--data-dir", dir.toString(), "--set", "code.lifetime=forever"));
        assertThat(processes.getFirst().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(processes.getFirst().exitValue()).isEqualTo(2);
        assertThat(out.text()).contains("'code.lifetime' must be a whole number");
    }

    private PackagedServer run(List<String> arguments) throws IOException {
        PackagedServer program = PackagedServer.run(arguments);
        processes.add(program.process());
        return program;
    }
}
