package org.devicelink;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.devicelink.device.DeviceClient;
import org.devicelink.device.DeviceSimulator;
import org.devicelink.server.LinkServer;
import org.devicelink.server.ServerConfig;
import org.devicelink.server.Setting;
import org.devicelink.server.Tls;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devicelink server | device}: the one entry point of every DeviceLink program. */
@Command(name = "devicelink", mixinStandardHelpOptions = true, version = "DeviceLink 0.1",
        description = "Link consoles and TVs to an account.",
        subcommands = {Main.Server.class, Main.Device.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = "Run the link server (RFC 8628 device flow and the companion API).")
    static final class Server implements Callable<Integer> {
        @Option(names = "--data-dir", description = "Data folder (default: the user's data folder).")
        Path dataDir;
        @Option(names = "--port", description = "Port (default 8443; 0 picks a free one).")
        Integer port;
        @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
        String host;
        @Option(names = "--config", description = "Settings file (default: DATA_DIR/server.properties when present).")
        Path settingsFile;
        @Option(names = "--set", description = "Any setting, as KEY=VALUE (repeatable).")
        Map<String, String> settings = new LinkedHashMap<>();
        @Option(names = "--list-settings", description = "Print every setting with its default and exit.")
        boolean listSettings;

        @Override
        public Integer call() throws InterruptedException {
            if (listSettings) {
                for (Setting s : Setting.values()) {
                    System.out.printf("%-26s %-10s %s%n", s.key(), s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue(), s.description());
                }
                return 0;
            }
            Map<String, String> flags = new LinkedHashMap<>(settings);
            if (dataDir != null) {
                flags.put(Setting.DATA_DIR.key(), dataDir.toString());
            }
            if (port != null) {
                flags.put(Setting.PORT.key(), port.toString());
            }
            if (host != null) {
                flags.put(Setting.HOST.key(), host);
            }
            ServerConfig config;
            try {
                config = ServerConfig.load(settingsFile, System.getenv(), flags);
            } catch (IllegalArgumentException e) {
                System.err.println("devicelink server: " + e.getMessage());
                return 2;
            }
            LinkServer server = LinkServer.start(config);
            var stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            System.out.println("DeviceLink link server on " + server.baseUrl() + " (data in " + config.dataDir() + ")");
            if (server.certificateFile() != null) {
                System.out.println("TLS certificate for clients to trust: " + server.certificateFile());
            }
            if (config.trustedIssuers().isEmpty()) {
                System.out.println("No sign-in issuer is trusted yet: the companion API will refuse every request. "
                        + "Set trust.NAME.issuer, trust.NAME.jwks-uri and trust.NAME.audience (see README).");
            }
            System.out.println("Devices link at " + server.baseUrl() + "/link. Press Ctrl+C to stop.");
            stopped.await();
            return 0;
        }
    }

    @Command(name = "device", mixinStandardHelpOptions = true,
            description = "Simulate a console: show a code and a QR, wait to be linked, stay linked, notice an unlink.")
    static final class Device implements Callable<Integer> {
        @Option(names = "--server", description = "Link server URL (default https://localhost:8443).")
        URI server = URI.create("https://localhost:8443");
        @Option(names = "--ca", description = "PEM certificate to trust (default: the local server's, from the user's data folder).")
        Path certificate;
        @Option(names = "--client-id", description = "Registered device app (default demo-console).")
        String clientId = "demo-console";
        @Option(names = "--name", description = "Device name shown to the approver (default 'Living room console').")
        String name = "Living room console";
        @Option(names = "--model", description = "Device model shown to the approver (default 'DeviceLink Simulator').")
        String model = "DeviceLink Simulator";
        @Option(names = "--scope", description = "Scopes to ask for (default: all the app may have).")
        String scope;
        @Option(names = "--qr-png", description = "Also write the QR code to this PNG file.")
        Path qrPng;
        @Option(names = "--light-terminal", description = "Draw the QR for a terminal with a light background.")
        boolean lightTerminal;
        @Option(names = "--refresh-every", description = "Refresh the tokens every N seconds (default: before they expire).")
        Integer refreshEverySeconds;
        @Option(names = "--once", description = "Stop after the first link ends (or is denied) instead of showing a new code.")
        boolean once;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path pem = certificate != null ? certificate : DataDirs.userDataDir().resolve("tls").resolve(Tls.CERTIFICATE_FILE);
            var tls = "https".equalsIgnoreCase(server.getScheme()) && Files.exists(pem) ? DeviceClient.trusting(pem) : null;
            var client = new DeviceClient(server, clientId, tls);
            var options = new DeviceSimulator.Options(name, model, scope, qrPng, lightTerminal,
                    refreshEverySeconds == null ? null : Duration.ofSeconds(refreshEverySeconds), once);
            try {
                new DeviceSimulator(client, options, System.out).run();
                return 0;
            } catch (IOException e) {
                System.err.println("devicelink device: " + e.getMessage());
                return 1;
            }
        }
    }
}
