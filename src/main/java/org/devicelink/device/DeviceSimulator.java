package org.devicelink.device;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.protocol.OAuthError;

/**
 * A console in a terminal: shows its code and QR, waits to be approved, then keeps its session alive by refreshing
 * before the access token expires, and shows a new code when it is unlinked.
 */
public final class DeviceSimulator {

    /** How the simulator behaves; see {@code devicelink device --help}. */
    public record Options(String deviceName, String deviceModel, String scope, Path qrPng, boolean darkOnLight,
                          Duration refreshEvery, boolean once) {}

    private final DeviceClient client;
    private final Options options;
    private final PrintStream out;

    public DeviceSimulator(DeviceClient client, Options options, PrintStream out) {
        this.client = client;
        this.options = options;
        this.out = out;
    }

    /** Runs until interrupted, or (with {@code once}) until the device is linked and then unlinked. */
    public void run() throws IOException, InterruptedException {
        while (true) {
            DeviceClient.Tokens tokens;
            try {
                tokens = client.link(options.deviceName(), options.deviceModel(), options.scope(), new Screen());
            } catch (DeviceClient.Refused refused) {
                out.println(OAuthError.ACCESS_DENIED.equals(refused.error()) ? Messages.get("device.denied")
                        : Messages.get("device.refused", refused.getMessage()));
                if (options.once()) {
                    return;
                }
                continue;
            }
            out.println(tokens.linkedAccount() == null ? Messages.get("device.linked.you")
                    : Messages.get("device.linked", tokens.linkedAccount()));
            String reason = stayLinked(tokens);
            out.println(Messages.get("device.unlinked", reason));
            if (options.once()) {
                return;
            }
        }
    }

    /** Refreshes until the server says the link is over; returns why. */
    private String stayLinked(DeviceClient.Tokens tokens) throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            Thread.sleep(untilRefresh(tokens).toMillis());
            try {
                tokens = client.refresh(tokens.refreshToken());
                backoff = Duration.ofSeconds(1);
            } catch (DeviceClient.Refused refused) {
                return refused.getMessage();
            } catch (IOException e) {
                out.println(Messages.get("device.unreachable", e.getMessage(), Messages.waitText(backoff)));
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : backoff.multipliedBy(2);
            }
        }
    }

    private Duration untilRefresh(DeviceClient.Tokens tokens) {
        if (options.refreshEvery() != null) {
            return options.refreshEvery();
        }
        // at four fifths of the access token's life, so a slow network never leaves the device without one
        Duration life = Duration.between(Instant.now(), tokens.accessTokenExpiresAt());
        return life.isNegative() ? Duration.ZERO : life.multipliedBy(4).dividedBy(5);
    }

    private final class Screen implements DeviceClient.Listener {
        @Override
        public void onCode(DeviceAuthorization code) {
            out.println();
            out.print(QrCode.of(code.verificationUriComplete()).toTerminal(options.darkOnLight()));
            out.println();
            out.println("  " + Messages.get("device.instructions"));
            out.println();
            out.println("      " + code.userCode());
            out.println();
            Duration expiresIn = Duration.ofSeconds(code.expiresIn());
            out.println("  " + Messages.get("device.visit", code.verificationUri(), Messages.waitText(expiresIn)));
            if (options.qrPng() != null) {
                try {
                    QrCode.of(code.verificationUriComplete()).writePng(options.qrPng(), 8);
                    out.println("  " + Messages.get("device.qr.written", options.qrPng().toString()));
                } catch (IOException e) {
                    out.println("  " + Messages.get("device.qr.failed", options.qrPng().toString(), String.valueOf(e.getMessage())));
                }
            }
        }

        @Override
        public void onSlowDown(int newIntervalSeconds) {
            out.println("  " + Messages.get("device.slow-down", Messages.waitText(Duration.ofSeconds(newIntervalSeconds))));
        }

        @Override
        public void onConnectionProblem(String problem, Duration retryIn) {
            out.println("  " + Messages.get("device.unreachable", problem, Messages.waitText(retryIn)));
        }

        @Override
        public void onCodeExpired() {
            out.println("  " + Messages.get("device.expired"));
        }
    }
}
