package org.devicelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that {@code mvn -Pnative package} made, as a person's machine meets it: installed with dpkg, the
 * installed launcher started (smoke mode, under Xvfb), a {@code devicelink://} link opened the way the desktop opens
 * it (the installed .desktop file's command), handed to the running app, then the package removed. It needs root.
 */
class NativePackageIT {

    static final Path INSTALLED = Path.of("/opt/devicelink/bin/DeviceLink");
    static final Path DESKTOP_FILE = Path.of("/usr/share/applications/devicelink.desktop");
    static Path deb;

    @TempDir
    Path home;

    @BeforeAll
    static void install() throws Exception {
        assertThat(ProcessHandle.current().info().user().orElse("")).as("dpkg -i installs for the whole machine: run as root")
                .isEqualTo("root");
        try (Stream<Path> made = Files.list(Path.of("target", "package"))) {
            deb = made.filter(p -> p.getFileName().toString().matches("devicelink_.*\\.deb")).findFirst().orElseThrow();
        }
        // 66.3 MB before ICU4J, 75.4 MB with it (every language's plural rules, digits, dates and lists, and their AOT
        // cache), 79.1 MB with the mail stack (notices), Micrometer and Logback (the server's operations)
        assertThat(Files.size(deb)).as("the .deb's size (79.1 MB when last measured)").isLessThan(85_000_000);
        run(List.of("dpkg", "-i", deb.toString()), Duration.ofMinutes(3));
    }

    @AfterAll
    static void remove() throws Exception {
        run(List.of("dpkg", "-r", "devicelink"), Duration.ofMinutes(2));
        assertThat(INSTALLED).doesNotExist();
        assertThat(DESKTOP_FILE).as("postinst's menu entry is taken back").doesNotExist();
    }

    @Test
    void theInstalledAppStartsAndALinkOpensItOnTheLinkScreen() throws Exception {
        assertThat(INSTALLED).isExecutable();
        String desktop = Files.readString(DESKTOP_FILE);
        assertThat(desktop).contains("MimeType=x-scheme-handler/devicelink;").contains("Exec=" + INSTALLED + " %u");
        assertThat(Path.of("/usr/share/icons/hicolor/256x256/apps/devicelink.png")).exists();

        var app = start(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", INSTALLED.toString(), "--smoke-test=60"));
        try {
            app.await("smoke-test: window shown");
            // what the desktop runs for a clicked devicelink:// link: the .desktop file's Exec line, %u the link
            String exec = desktop.lines().filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow().substring("Exec=".length());
            String link = "devicelink://link?code=wdjb-mjht";
            var second = start(List.of(exec.replace(" %u", ""), link)); // no display: it hands over before any window
            assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process.exitValue()).as(String.join("\n", second.lines)).isZero();
            app.await("smoke-test: handed over " + link + " -> Link screen code 'WDJB-MJHT'");

            var foreign = start(List.of(INSTALLED.toString(), "devicelink://settings?x=1"));
            assertThat(foreign.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            app.await("smoke-test: handed over devicelink://settings?x=1 -> Link screen code 'WDJB-MJHT', message 'This");
        } finally {
            app.process.destroy();
            app.process.waitFor(20, TimeUnit.SECONDS);
        }
        Path data = home.resolve("data").resolve("devicelink");
        assertThat(data.resolve("devicelink.mv.db")).as("the data in the user's own folder").exists();
    }

    @Test
    void theRpmCarriesTheAppAndAsksForGtkUnderItsOwnName() throws Exception {
        Path rpm;
        try (Stream<Path> made = Files.list(Path.of("target", "package"))) {
            rpm = made.filter(p -> p.getFileName().toString().matches("devicelink-[0-9].*\\.rpm")).findFirst() // not the server's
                    .orElseThrow(() -> new AssertionError("no .rpm: is rpmbuild installed?"));
        }
        assertThat(run(List.of("rpm", "-qlp", rpm.toString()), Duration.ofMinutes(1))).contains(INSTALLED.toString(),
                "/opt/devicelink/lib/app/devicelink.aot");
        assertThat(run(List.of("rpm", "-qp", "--requires", rpm.toString()),
                Duration.ofMinutes(1)).lines()).contains("gtk3").doesNotContain("libgtk-3-0");
    }

    /** A program of the installed package, for the person whose home is {@link #home}; its output is collected. */
    Started start(List<String> command) throws IOException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().remove("DISPLAY");
        return new Started(builder.start());
    }

    static final class Started {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        Started(Process process) {
            this.process = process;
            Thread.ofVirtual().start(() -> {
                try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        void await(String prefix) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(60);
            while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
                assertThat(Instant.now()).as("waiting for '" + prefix + "'; the app said:\n" + String.join("\n", lines)).isBefore(deadline);
                assertThat(process.isAlive() || lines.stream().anyMatch(l -> l.startsWith(prefix))).as(String.join("\n", lines)).isTrue();
                Thread.sleep(100);
            }
        }
    }

    /** Runs {@code command} to its end, asserts it succeeded, and returns what it printed. */
    static String run(List<String> command, Duration timeout) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
