package org.devicelink.platform;

import java.awt.AWTException;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A notice the operating system shows (a toast or a banner), where it offers one: {@code notify-send} in a Linux
 * desktop session, {@code osascript} on macOS, the system tray's balloon on Windows. Where there is none (no desktop
 * session, a headless machine) there is no notifier: the app's own badge still says it.
 */
public final class DesktopNotifications {

    /** Shows a notice; never blocks the caller, never fails it (a notice that cannot be shown is only logged). */
    @FunctionalInterface
    public interface Notifier {
        void show(String title, String text);
    }

    private DesktopNotifications() {}

    /** The notifier this system offers, judged from its environment and name. */
    public static Optional<Notifier> forThisSystem(Map<String, String> environment, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return onPath(environment, "osascript").map(osascript -> command(List.of(osascript.toString(), "-e", "on run argv",
                    "-e", "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run")));
        }
        if (os.contains("win")) {
            return TrayBalloon.offered();
        }
        // notify-send talks to the session's notification daemon over D-Bus: without a session bus nobody would show it
        boolean session = environment.containsKey("DBUS_SESSION_BUS_ADDRESS")
                || environment.containsKey("XDG_RUNTIME_DIR") && Files.exists(Path.of(environment.get("XDG_RUNTIME_DIR"), "bus"));
        return session ? onPath(environment, "notify-send").map(notifySend -> command(List.of(notifySend.toString(),
                "--app-name=DeviceLink")))
                : Optional.empty();
    }

    /** A notifier that runs {@code prefix title text}, off the caller's thread. */
    static Notifier command(List<String> prefix) {
        return (title, text) -> Thread.ofVirtual().name("desktop-notice").start(() -> {
            var command = new ArrayList<>(prefix);
            command.add(title);
            command.add(text);
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                LoggerFactory.getLogger(DesktopNotifications.class).info("Could not show a desktop notice: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Optional<Path> onPath(Map<String, String> environment, String program) {
        for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Windows: a balloon from a tray icon made on first use (AWT's system tray, when the runtime has it). */
    private static final class TrayBalloon {
        static Optional<Notifier> offered() {
            try {
                if (!SystemTray.isSupported()) {
                    return Optional.empty();
                }
                var image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
                var icon = new TrayIcon(image, "DeviceLink");
                icon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(icon);
                return Optional.of((title, text) -> icon.displayMessage(title, text, TrayIcon.MessageType.INFO));
            } catch (AWTException | LinkageError | UnsupportedOperationException | SecurityException e) {
                return Optional.empty(); // no tray, or a runtime without java.desktop
            }
        }
    }
}
