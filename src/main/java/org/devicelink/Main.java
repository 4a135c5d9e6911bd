package org.devicelink;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.devicelink.app.scan.Picture;
import org.devicelink.app.scan.QrDecoder;
import org.devicelink.code.VerificationLink;
import org.devicelink.device.DeviceClient;
import org.devicelink.device.DeviceSimulator;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.server.LinkServer;
import org.devicelink.server.ServerConfig;
import org.devicelink.server.Setting;
import org.devicelink.server.Tls;
import org.devicelink.server.issuer.DemoAccounts;
import org.devicelink.server.issuer.LocalUser;
import org.devicelink.server.issuer.LocalUsers;
import org.devicelink.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code devicelink server | device}: the one entry point of every DeviceLink program. */
@Command(name = "devicelink", mixinStandardHelpOptions = true, version = "DeviceLink 0.1",
        description = "Link consoles and TVs to an account. With no command, opens the DeviceLink companion app.",
        subcommands = {Main.Server.class, Main.Device.class, Main.Scan.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @CommandLine.Parameters(arity = "0..1", paramLabel = "LINK",
            description = "A devicelink://link?code=… link to open on the Link screen.")
    String deepLink;

    @Override
    public Integer call() {
        org.devicelink.app.CompanionApp.launchWith(deepLink == null ? java.util.List.of() : java.util.List.of(deepLink));
        return 0;
    }

    /** Where a server's settings come from; shared by {@code server} and {@code server accounts}. */
    static final class ServerSettings {
        @Option(names = "--data-dir", description = "Data folder (default: the user's data folder).")
        Path dataDir;
        @Option(names = "--config", description = "Settings file (default: DATA_DIR/server.properties when present).")
        Path settingsFile;
        @Option(names = "--set", description = "Any setting, as KEY=VALUE (repeatable).")
        Map<String, String> settings = new LinkedHashMap<>();

        ServerConfig load(Map<String, String> more) {
            Map<String, String> flags = new LinkedHashMap<>(settings);
            flags.putAll(more);
            if (dataDir != null) {
                flags.put(Setting.DATA_DIR.key(), dataDir.toString());
            }
            return ServerConfig.load(settingsFile, System.getenv(), flags);
        }
    }

    @Command(name = "server", mixinStandardHelpOptions = true, subcommands = Accounts.class,
            description = "Run the link server (RFC 8628 device flow, the companion API and the local sign-in provider).")
    static final class Server implements Callable<Integer> {
        @CommandLine.Mixin
        ServerSettings where = new ServerSettings();
        @Option(names = "--port", description = "Port (default 8443; 0 picks a free one).")
        Integer port;
        @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
        String host;
        @Option(names = "--list-settings", description = "Print every setting with its default and exit.")
        boolean listSettings;

        @Override
        public Integer call() throws InterruptedException {
            if (listSettings) {
                for (Setting s : Setting.values()) {
                    System.out.printf("%-30s %-10s %s%n", s.key(), s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue(), s.description());
                }
                return 0;
            }
            Map<String, String> flags = new LinkedHashMap<>();
            if (port != null) {
                flags.put(Setting.PORT.key(), port.toString());
            }
            if (host != null) {
                flags.put(Setting.HOST.key(), host);
            }
            ServerConfig config;
            try {
                config = where.load(flags);
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
            if (config.localIssuer()) {
                System.out.println("Sign-in: local provider at " + LocalSignIn.authority(server.baseUrl())
                        + (config.demoAccounts() ? " (demo accounts alex, sam, riley; password " + DemoAccounts.PASSWORD + ")" : ""));
            } else if (config.trustedIssuers().isEmpty()) {
                System.out.println("No sign-in provider: the companion API will refuse every request. "
                        + "Set trust.NAME.issuer, trust.NAME.jwks-uri and trust.NAME.audience, or local-issuer=true (see README).");
            }
            System.out.println("Devices link at " + server.baseUrl() + "/link. Press Ctrl+C to stop.");
            stopped.await();
            return 0;
        }
    }

    @Command(name = "accounts", mixinStandardHelpOptions = true,
            description = "Manage the local sign-in provider's accounts (works while the server runs).",
            subcommands = {Accounts.ListAccounts.class, Accounts.Add.class, Accounts.Remove.class})
    static final class Accounts {

        /** Runs {@code work} on the provider's accounts in the configured database. */
        static int withUsers(ServerSettings where, java.util.function.ToIntFunction<LocalUsers> work) {
            ServerConfig config;
            try {
                config = where.load(Map.of());
            } catch (IllegalArgumentException e) {
                System.err.println("devicelink server accounts: " + e.getMessage());
                return 2;
            }
            try (var database = new Database(config.databaseUrl(), config.databaseUser(), config.databasePassword(), 2)) {
                return work.applyAsInt(new LocalUsers(database.sql(), java.time.Clock.systemUTC(), new java.security.SecureRandom()));
            } catch (IllegalArgumentException e) {
                System.err.println("devicelink server accounts: " + e.getMessage());
                return 2;
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
        static final class ListAccounts implements Callable<Integer> {
            @CommandLine.Mixin
            ServerSettings where = new ServerSettings();

            @Override
            public Integer call() {
                return withUsers(where, users -> {
                    System.out.printf("%-20s %-10s %-30s %s%n", "USERNAME", "ROLE", "NAME", "FAMILY");
                    for (LocalUser user : users.list()) {
                        System.out.printf("%-20s %-10s %-30s %s%n", user.username(), user.role(), user.displayName(),
                                user.familyId() == null ? "-" : user.familyId().substring(0, 8));
                    }
                    return 0;
                });
            }
        }

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Add an account. The password is read from the console, or from standard input with --password-stdin.")
        static final class Add implements Callable<Integer> {
            @CommandLine.Mixin
            ServerSettings where = new ServerSettings();
            @CommandLine.Parameters(index = "0", description = "Username (letters, digits, . _ -).")
            String username;
            @Option(names = "--name", required = true, description = "Display name.")
            String displayName;
            @Option(names = "--role", defaultValue = LocalSignIn.ROLE_MEMBER,
                    description = "member, organizer (runs a family), child or support (default member).")
            String role;
            @Option(names = "--family", description = "For a child: the username of the family's organizer.")
            String family;
            @Option(names = "--password-stdin", description = "Read the password from standard input.")
            boolean passwordFromStdin;

            @Override
            public Integer call() throws IOException {
                char[] password = readPassword();
                if (password == null) {
                    return 2;
                }
                return withUsers(where, users -> {
                    LocalUser user = users.add(username, displayName, password, role, family);
                    java.util.Arrays.fill(password, '\0');
                    System.out.println("Added " + user.username() + " (" + user.role() + ").");
                    return 0;
                });
            }

            private char[] readPassword() throws IOException {
                if (passwordFromStdin) {
                    String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
                    return line == null ? new char[0] : line.toCharArray();
                }
                var console = System.console();
                if (console == null) {
                    System.err.println("devicelink server accounts add: no console to ask for the password; use --password-stdin.");
                    return null;
                }
                char[] first = console.readPassword("Password for %s: ", username);
                char[] second = console.readPassword("Again: ");
                if (first == null || !java.util.Arrays.equals(first, second)) {
                    System.err.println("The two passwords differ; nothing was added.");
                    return null;
                }
                return first;
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account.")
        static final class Remove implements Callable<Integer> {
            @CommandLine.Mixin
            ServerSettings where = new ServerSettings();
            @CommandLine.Parameters(index = "0", description = "Username.")
            String username;

            @Override
            public Integer call() {
                return withUsers(where, users -> {
                    if (!users.remove(username)) {
                        System.err.println("There is no account named '" + username + "'.");
                        return 1;
                    }
                    System.out.println("Removed " + username + ".");
                    return 0;
                });
            }
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Print the device code in the QR code of each picture (or why there is none). Exit code 1 when any has none.")
    static final class Scan implements Callable<Integer> {
        @CommandLine.Parameters(arity = "1..*", paramLabel = "FILE", description = "Pictures (PNG, JPEG, GIF, BMP).")
        List<Path> files;
        @Option(names = "--raw", description = "Print whatever text each QR holds: FILE<TAB>TEXT, or FILE<TAB> when none.")
        boolean raw;
        @Option(names = "--server", description = "The link server whose codes are accepted (default https://localhost:8443).")
        URI server = URI.create("https://localhost:8443");

        @Override
        public Integer call() {
            var link = new VerificationLink(server.resolve("/link"));
            int missing = 0;
            for (Path file : files) {
                String result;
                try {
                    var frame = Picture.file(file).next().orElseThrow();
                    List<String> texts = raw ? QrDecoder.read(frame).map(QrDecoder.Found::text).stream().toList() : QrDecoder.readAll(frame);
                    if (raw) {
                        result = texts.isEmpty() ? "" : texts.getFirst().replace('\t', ' ').replace('\n', ' ');
                    } else if (texts.isEmpty()) {
                        result = "no QR code found";
                    } else {
                        result = switch (link.readAny(texts)) { // ours, when the picture shows several
                            case VerificationLink.Scanned.Code(var code) -> code.display();
                            case VerificationLink.Scanned.Refused refused -> "not a DeviceLink code: " + refused.reason();
                        };
                    }
                    if (texts.isEmpty() || (!raw && !result.matches("[A-Z]{4}-[A-Z]{4}"))) {
                        missing++;
                    }
                } catch (IOException e) {
                    result = raw ? "" : "cannot read: " + e.getMessage();
                    missing++;
                }
                System.out.println(file + "\t" + result);
            }
            return missing == 0 ? 0 : 1;
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
