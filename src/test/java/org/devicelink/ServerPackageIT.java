package org.devicelink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The server's own packages, as an operator meets them: the .deb installed with dpkg and the .rpm with rpm, each making
 * the {@code devicelink} system user and giving it its settings and data folder; the installed command, started as that
 * user, answers readiness and a device's whole first step (a code, the page that approves it, a pending poll), which
 * also shows the package left out no library the server loads; removed, each leaves the data (people's links), and
 * purging the .deb takes it. It needs root.
 */
class ServerPackageIT {

    static final Path COMMAND = Path.of("/usr/bin/devicelink-server");
    static final Path SETTINGS = Path.of("/etc/devicelink/server.properties");
    static final Path DATA = Path.of("/var/lib/devicelink");

    @Test
    void theDebInstalledRunsAsItsOwnUserAndServesADeviceThenIsRemovedAndPurged() throws Exception {
        assertThat(ProcessHandle.current().info().user().orElse("")).as("dpkg -i installs for the whole machine: run as root")
                .isEqualTo("root");
        run("dpkg", "-i", made("devicelink-server_.*\\.deb").toString());
        try {
            assertThat(Path.of("/lib/systemd/system/devicelink-server.service")).exists();
            servesAsItsOwnUser();
        } finally {
            run("dpkg", "-r", "devicelink-server");
        }
        assertThat(COMMAND).doesNotExist();
        assertThat(DATA).as("removing keeps people's links").exists();
        run("dpkg", "--purge", "devicelink-server");
        assertThat(DATA).as("purging takes them").doesNotExist();
    }

    /** Installed with rpm on this Debian machine, in a database of its own and without dependency checks (Debian's have none). */
    @Test
    void theRpmInstalledRunsAsItsOwnUserAndServesADeviceThenIsErased() throws Exception {
        assertThat(ProcessHandle.current().info().user().orElse("")).as("rpm -i installs for the whole machine: run as root")
                .isEqualTo("root");
        Path rpm = made("devicelink-server-.*\\.rpm");
        assertThat(run("rpm", "-qp", "--queryformat", "%{NAME} %{ARCH}", rpm.toString())).isEqualTo("devicelink-server x86_64");
        assertThat(run("rpm", "-qp", "--configfiles", rpm.toString())).contains(SETTINGS.toString());
        Path database = Files.createTempDirectory("rpmdb");
        try {
            run("rpm", "-i", "--nodeps", "--dbpath", database.toString(), rpm.toString());
            try {
                assertThat(Path.of("/usr/lib/systemd/system/devicelink-server.service")).exists();
                servesAsItsOwnUser();
            } finally {
                run("rpm", "-e", "--nodeps", "--dbpath", database.toString(), "devicelink-server");
            }
            assertThat(COMMAND).doesNotExist();
            assertThat(DATA).as("erasing keeps people's links").exists();
        } finally {
            run("rm", "-rf", DATA.toString(), database.toString());
        }
    }

    private static Path made(String name) throws Exception {
        try (Stream<Path> made = Files.list(Path.of("target", "package"))) {
            return made.filter(p -> p.getFileName().toString().matches(name)).findFirst().orElseThrow();
        }
    }

    /** The installed command, as the unit runs it but without systemd: the service user, its settings, its data folder. */
    private static void servesAsItsOwnUser() throws Exception {
        assertThat(COMMAND).isExecutable();
        assertThat(run("getent", "passwd", "devicelink")).contains("/usr/sbin/nologin");
        for (var owned : List.of(SETTINGS, DATA)) {
            var attributes = Files.readAttributes(owned, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            assertThat(attributes.owner().getName()).as(owned.toString()).isEqualTo("devicelink");
            assertThat(PosixFilePermissions.toString(attributes.permissions())).as(owned.toString())
                    .isEqualTo(Files.isDirectory(owned) ? "rwx------" : "rw-------");
        }
        try (Stream<Path> libraries = Files.list(Path.of("/usr/lib/devicelink-server/lib"))) {
            assertThat(libraries.map(p -> p.getFileName().toString())).as("the companion's libraries stay out")
                    .noneMatch(name -> name.startsWith("javafx-") || name.startsWith("opencv-"));
        }
        var server = new ProcessBuilder("runuser", "-u", "devicelink", "--", "env", "DEVICELINK_DATA_DIR=" + DATA,
                COMMAND.toString(), "--config", SETTINGS.toString(), "--port", "0", "--set", "tls=false", "--set", "management.port=0")
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
            String ready = printed(lines, server, "Health and metrics at (http://\\S+/health/ready)");
            String base = printed(lines, server, "DeviceLink link server on (http://\\S+) ");
            var http = HttpClient.newHttpClient();
            assertThat(get(http, ready).statusCode()).isEqualTo(200);
            var code = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/device_authorization"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=demo-console&device_name=Console")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(code.statusCode()).as(code.body()).isEqualTo(200);
            var json = new ObjectMapper().readTree(code.body());
            var page = get(http, base + "/link?code=" + json.path("user_code").asText());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as("the approval page, rendered from its template and bundle").contains("<html lang=\"");
            var poll = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"
                            + "&client_id=demo-console&device_code=" + json.path("device_code").asText())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(poll.body()).contains("authorization_pending");
            assertThat(ProcessHandle.of(server.pid()).flatMap(p -> p.descendants().findFirst()).flatMap(p -> p.info().user()))
                    .as("the server runs as the service user").hasValue("devicelink");
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(lines).as("no class the server loads is missing").noneMatch(line -> line.contains("NoClassDefFoundError"));
        assertThat(DATA.resolve("devicelink.mv.db")).as("its database, in its data folder").exists();
    }

    private static String printed(List<String> lines, Process server, String regex) {
        var pattern = Pattern.compile(regex);
        String found = Eventually.until(() -> {
            synchronized (lines) {
                return lines.stream().map(pattern::matcher).filter(m -> m.find()).map(m -> m.group(1)).findFirst().orElse(null);
            }
        }, value -> value != null || !server.isAlive());
        assertThat(found).as(String.join("\n", lines)).isNotNull();
        return found;
    }

    private static HttpResponse<String> get(HttpClient http, String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
