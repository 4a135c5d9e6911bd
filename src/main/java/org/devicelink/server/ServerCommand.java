package org.devicelink.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.devicelink.platform.UserFolders;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.server.issuer.DemoAccounts;
import org.devicelink.server.management.ManagementRoutes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devicelink server}: runs the link server; {@code server accounts} and {@code server apps} manage it. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the link server (RFC 8628 device flow, the companion API and the local sign-in provider).")
public final class ServerCommand implements Callable<Integer> {

    private final UserFolders folders;
    @CommandLine.Mixin
    SettingsOptions where = new SettingsOptions();
    @Option(names = "--port", description = "Port (default 8443; 0 picks a free one).")
    Integer port;
    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
    String host;
    @Option(names = "--list-settings", description = "Print every setting with its default and exit.")
    boolean listSettings;

    private ServerCommand(UserFolders folders) {
        this.folders = folders;
    }

    /** The command with its subcommands, for this user's folders. */
    public static CommandLine commandLine(UserFolders folders) {
        return new CommandLine(new ServerCommand(folders))
                .addSubcommand(AccountsCommand.commandLine(folders))
                .addSubcommand(AppsCommand.commandLine(folders));
    }

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
            config = where.load(folders, flags);
        } catch (IllegalArgumentException e) {
            System.err.println("devicelink server: " + e.getMessage());
            return 2;
        }
        Logs.format(config.logFormat());
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
        System.out.println("Health and metrics at http://" + config.managementHost() + ":" + server.managementPort()
                + ManagementRoutes.READY + " and " + ManagementRoutes.METRICS);
        System.out.println("Devices link at " + server.baseUrl() + "/link. Press Ctrl+C to stop.");
        stopped.await();
        return 0;
    }
}
