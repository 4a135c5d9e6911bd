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
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Simulate a console: show a code and a QR, wait to be linked, stay linked, notice an unlink.")
public final class DeviceCommand implements Callable<Integer> {

    private final UserFolders folders;
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
