package org.devicelink.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A program of the packaged jar as an operator runs it: {@code java -jar target/devicelink.jar …}, its output gathered. */
public final class PackagedServer implements AutoCloseable {

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private PackagedServer(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** Starts {@code devicelink ARGUMENTS} from the packaged jar, on this JVM's Java. */
    public static PackagedServer run(List<String> arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of("target", "devicelink.jar");
        assertThat(jar).as("mvn package makes the jar before integration tests").exists();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString()));
        command.addAll(arguments);
        return new PackagedServer(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Starts the server's own launcher ({@code packaging/server/devicelink-server}) on the packaged jar, as its package would. */
    public static PackagedServer launcher(List<String> arguments) throws IOException {
        assertThat(Path.of("target", "devicelink.jar")).as("mvn package makes the jar before integration tests").exists();
        List<String> command = new ArrayList<>(List.of("sh", "packaging/server/devicelink-server"));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEVICELINK_HOME", Path.of("target").toAbsolutePath().toString());
        builder.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        return new PackagedServer(builder.start());
    }

    public Process process() {
        return process;
    }

    /** Everything it printed so far. */
    public String text() {
        synchronized (lines) {
            return String.join("\n", lines) + "\n";
        }
    }

    /** Waits (up to a minute) until it prints something the pattern finds; its first group. */
    public String await(Pattern pattern) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = pattern.matcher(text());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never printed " + pattern + ":\n" + text());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; as power loss is to the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
