package org.devicelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.devicelink.testing.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The server's own .deb, as an operator meets it: installed with dpkg, which makes the {@code devicelink} system user
 * and gives it its settings and data folder; its command started as that user answers readiness; removed, it leaves
 * the data (people's links) until purged. It needs root.
 */
class ServerPackageIT {

    static final Path COMMAND = Path.of("/usr/bin/devicelink-server");
    static final Path SETTINGS = Path.of("/etc/devicelink/server.properties");
    static final Path DATA = Path.of("/var/lib/devicelink");

    @Test
    void installedItRunsAsItsOwnUserAndAnswersReadinessThenIsRemoved() throws Exception {
        assertThat(ProcessHandle.current().info().user().orElse("")).as("dpkg -i installs for the whole machine: run as root")
                .isEqualTo("root");
        Path deb;
        try (Stream<Path> made = Files.list(Path.of("target", "package"))) {
            deb = made.filter(p -> p.getFileName().toString().matches("devicelink-server_.*\\.deb")).findFirst().orElseThrow();
        }
        run("dpkg", "-i", deb.toString());
        try {
            assertThat(COMMAND).isExecutable();
            assertThat(Path.of("/lib/systemd/system/devicelink-server.service")).exists();
            assertThat(run("getent", "passwd", "devicelink")).contains("/usr/sbin/nologin");
            for (var owned : List.of(SETTINGS, DATA)) {
                var attributes = Files.readAttributes(owned, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                assertThat(attributes.owner().getName()).as(owned.toString()).isEqualTo("devicelink");
                assertThat(PosixFilePermissions.toString(attributes.permissions())).as(owned.toString())
                        .isEqualTo(Files.isDirectory(owned) ? "rwx------" : "rw-------");
            }

            // as the unit runs it, without systemd: the service user, its settings, its data folder
            var server = new ProcessBuilder("runuser", "-u", "devicelink", "--", "env", "DEVICELINK_DATA_DIR=" + DATA,
                    COMMAND.toString(), "--config", SETTINGS.toString(), "--port", "0", "--set", "management.port=0")
                    .redirectErrorStream(true).start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread.ofVirtual().start(() -> {
                try (var reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                    reader.lines().forEach(lines::add);
                } catch (Exception ignored) {
                    // the process ended
                }
            });
            try {
                var ready = Pattern.compile("Health and metrics at (http://\\S+/health/ready)");
                String address = Eventually.until(() -> {
                    synchronized (lines) {
                        return lines.stream().map(ready::matcher).filter(m -> m.find()).map(m -> m.group(1)).findFirst().orElse(null);
                    }
                }, found -> found != null || !server.isAlive());
                assertThat(address).as(String.join("\n", lines)).isNotNull();
                var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(ProcessHandle.of(server.pid()).flatMap(p -> p.descendants().findFirst()).flatMap(p -> p.info().user()))
                        .as("the server runs as the service user").hasValue("devicelink");
            } finally {
                server.descendants().forEach(ProcessHandle::destroy);
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(DATA.resolve("devicelink.mv.db")).as("its database, in its data folder").exists();
        } finally {
            run("dpkg", "-r", "devicelink-server");
        }
        assertThat(COMMAND).doesNotExist();
        assertThat(DATA).as("removing keeps people's links").exists();
        run("dpkg", "--purge", "devicelink-server");
        assertThat(DATA).as("purging takes them").doesNotExist();
    }

    private static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
