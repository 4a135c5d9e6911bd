package org.devicelink.device;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.devicelink.platform.UserFolders;
import org.devicelink.tls.PinnedCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devicelink device}: a console simulator in the terminal, on the device kit. */
@Command(name = "device", mixinStandardHelpOptions = true) // its help: cli.devicelink.device.* in the strings bundle
public final class DeviceCommand implements Callable<Integer> {

    private final UserFolders folders;
    @Option(names = "--server")
    URI server = URI.create("https://localhost:8443");
    @Option(names = "--ca")
    Path certificate;
    @Option(names = "--client-id")
    String clientId = "demo-console";
    @Option(names = "--name")
    String name = "Living room console";
    @Option(names = "--model")
    String model = "DeviceLink Simulator";
    @Option(names = "--scope")
    String scope;
    @Option(names = "--qr-png")
    Path qrPng;
    @Option(names = "--light-terminal")
    boolean lightTerminal;
    @Option(names = "--refresh-every")
    Integer refreshEverySeconds;
    @Option(names = "--once")
    boolean once;

    public DeviceCommand(UserFolders folders) {
        this.folders = folders;
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            Path pem = certificate != null ? certificate : folders.localServerCertificate();
            var tls = "https".equalsIgnoreCase(server.getScheme()) && Files.exists(pem) ? PinnedCertificate.trusting(pem) : null;
            var client = new DeviceClient(server, clientId, tls);
            var options = new DeviceSimulator.Options(name, model, scope, qrPng, lightTerminal,
                    refreshEverySeconds == null ? null : Duration.ofSeconds(refreshEverySeconds), once);
            new DeviceSimulator(client, options, System.out).run();
            return 0;
        } catch (IOException e) {
            System.err.println("devicelink device: " + e.getMessage());
            return 1;
        }
    }
}
