package org.devicelink.platform;

import java.awt.Desktop;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code devicelink://} URL scheme, where the OS needs the app's help with it. Linux registers it by the .desktop
 * file the package installs, which starts the launcher with the link as its argument. Windows registers it per user:
 * the installed app writes its own launcher under {@code HKEY_CURRENT_USER\Software\Classes\devicelink} at each start.
 * macOS registers it by the Info.plist, and hands links to the running app as events, not arguments.
 */
public final class UrlScheme {

    private static final Logger LOG = LoggerFactory.getLogger(UrlScheme.class);
    private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    private UrlScheme() {}

    /** Registers the scheme where the app itself must, and sends links the OS delivers as events to {@code links}. */
    public static void register(Consumer<String> links) {
        String launcher = System.getProperty("jpackage.app-path"); // set by the installed launcher only
        if (OS.contains("win") && launcher != null) {
            Thread.ofVirtual().name("url-scheme").start(() -> registerOnWindows(launcher));
        }
        if (OS.contains("mac") && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
            Desktop.getDesktop().setOpenURIHandler(event -> links.accept(event.getURI().toString()));
        }
    }

    private static void registerOnWindows(String launcher) {
        String key = "HKCU\\Software\\Classes\\devicelink";
        for (List<String> command : List.of(
                List.of("reg", "add", key, "/ve", "/d", "URL:DeviceLink link", "/f"),
                List.of("reg", "add", key, "/v", "URL Protocol", "/d", "", "/f"),
                List.of("reg", "add", key + "\\shell\\open\\command", "/ve", "/d", "\"" + launcher + "\" \"%1\"", "/f"))) {
            try {
                Process reg = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(reg.getInputStream().readAllBytes());
                if (reg.waitFor() != 0) {
                    LOG.warn("Could not register devicelink:// links for this user: {}", out.strip());
                    return;
                }
            } catch (IOException e) {
                LOG.warn("Could not register devicelink:// links for this user", e);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
