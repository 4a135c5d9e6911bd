package org.devicelink.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where DeviceLink keeps its things on this computer, per OS. The launcher resolves it once and hands it to every
 * program; nothing else builds these paths.
 *
 * @param data the data folder: the embedded server's database and certificate, the companion's settings and sign-in
 *             cache
 */
public record UserFolders(Path data) {

    /** Inside a link server's data folder: the certificate clients on this machine trust (the embedded default's). */
    public static final Path SERVER_CERTIFICATE = Path.of("tls", "server.pem");

    /** This user's folders on this OS. */
    public static UserFolders forThisUser() {
        return of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
    }

    static UserFolders of(String osName, Path home, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            return new UserFolders((appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("DeviceLink"));
        }
        if (os.contains("mac")) {
            return new UserFolders(home.resolve("Library").resolve("Application Support").resolve("DeviceLink"));
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return new UserFolders((xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : home.resolve(".local").resolve("share")).resolve("devicelink"));
    }

    /** The certificate of the link server that keeps its data in this user's data folder. */
    public Path localServerCertificate() {
        return data.resolve(SERVER_CERTIFICATE);
    }
}
