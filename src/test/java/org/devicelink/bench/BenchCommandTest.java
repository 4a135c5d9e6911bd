package org.devicelink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.devicelink.i18n.Messages;
import org.devicelink.platform.UserFolders;
import org.devicelink.testing.Databases;
import org.devicelink.testing.LinkServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The load tool against a real server, small: every operation of the mix is timed, and the CSV and plot are written. */
class BenchCommandTest {

    @TempDir
    Path dir;

    private String bench(LinkServerFixture server, String... args) {
        var output = new ByteArrayOutputStream();
        var command = new BenchCommand(new UserFolders(dir.resolve("home")),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        String[] all = Stream.concat(Stream.of("--server", server.server().baseUrl(),
                "--ca", server.server().certificateFile().toString()), Arrays.stream(args)).toArray(String[]::new);
        int exit = new CommandLine(command).execute(all);
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }

    @Test
    void theMixLinksDevicesThroughHeldPollsAndReportsEveryOperation() throws Exception {
        try (var server = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of())) {
            Path csv = dir.resolve("samples.csv");
            Path plot = dir.resolve("latency.png");
            String report = bench(server, "--scenario", "mix", "--pending", "5", "--links", "6", "--link-rate", "6",
                    "--csv", csv.toString(), "--plot", plot.toString(), "--pid", Long.toString(ProcessHandle.current().pid()));
            assertThat(report).contains("held polls on (wait=20)");
            assertThat(report).containsPattern("(?m)^device authorization +11 "); // 5 waiting, 6 linked
            for (String operation : new String[] {"lookup", "approve", "held poll → tokens",
                    "approval to tokens", "refresh", "unlink"}) {
                assertThat(report).containsPattern("(?m)^" + operation + " +6 ");
            }
            assertThat(report).doesNotContain("FAILED").containsPattern("server memory \\(RSS\\): [\\d,]+ MB before");
            assertThat(Files.readAllLines(csv)).first().isEqualTo("operation,start_ms,latency_ms");
            assertThat(Files.readAllLines(csv)).filteredOn(line -> line.startsWith("approval to tokens,")).hasSize(6);
            assertThat(ImageIO.read(plot.toFile()).getWidth()).isEqualTo(1200);
        }
    }

    @Test
    void withoutHeldPollsTheDevicesPollAtTheInterval() throws Exception {
        try (var server = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of())) {
            String report = bench(server, "--scenario", "mix", "--pending", "2", "--links", "3", "--link-rate", "3", "--no-held");
            assertThat(report).contains("held polls off").containsPattern("(?m)^pending poll → tokens +3 ");
        }
    }

    @Test
    void theReportIsInTheTerminalsLanguage() throws Exception {
        Messages.speak(Locale.JAPANESE);
        try (var server = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of())) {
            String report = bench(server, "--scenario", "pending-polls", "--pending", "3", "--connections", "1",
                    "--warmup", "0", "--duration", "1");
            assertThat(report).contains("承認待ちのコード 3 個").contains("操作").contains("応答")
                    .containsPattern("(?m)^承認待ちのポーリング +[\\d,]+ ").doesNotContain("pending poll").doesNotContain("!bench.");
        } finally {
            Messages.speak(Locale.ENGLISH);
        }
    }

    @Test
    void theClosedLoopScenariosReportThroughput() throws Exception {
        try (var server = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of())) {
            String report = bench(server, "--scenario", "pending-polls", "--pending", "50", "--connections", "2",
                    "--warmup", "0", "--duration", "1");
            assertThat(report).contains("50 pending codes").containsPattern("(?m)^pending poll +[\\d,]+ +[\\d,]+ ")
                    .contains("authorization_pending");
        }
    }
}
