package org.devicelink.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The companion's own settings, in {@code companion.properties} in the data folder.
 *
 * @param serverUrl  the link server to use; empty for the embedded default (a server inside the app)
 * @param localPort  the embedded server's port, kept so that saved sign-ins stay valid across restarts
 * @param authority  Entra ID authority (empty: the server's own local provider)
 * @param clientId   Entra ID application (client) id of the companion
 * @param apiScope   the link server API's scope at Entra ID
 * @param theme      {@code light} or {@code dark}
 * @param camera     the name of the camera chosen last to scan with; empty for the first one
 * @param language   the language tag chosen in Settings; empty for this computer's language
 * @param scan       how the person scanned last ({@code camera}, {@code screen}, {@code file}); empty before the first scan
 */
public record AppSettings(String serverUrl, int localPort, String authority, String clientId, String apiScope, String theme,
                          String camera, String language, String scan) {

    public static final String FILE = "companion.properties";
    public static final int DEFAULT_PORT = 8443;

    public static AppSettings defaults() {
        return new AppSettings("", DEFAULT_PORT, "", "", "", "light", "", "", "");
    }

    public boolean embedded() {
        return serverUrl.isBlank();
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public AppSettings withTheme(String newTheme) {
        return new AppSettings(serverUrl, localPort, authority, clientId, apiScope, newTheme, camera, language, scan);
    }

    public AppSettings withLocalPort(int port) {
        return new AppSettings(serverUrl, port, authority, clientId, apiScope, theme, camera, language, scan);
    }

    public AppSettings withCamera(String newCamera) {
        return new AppSettings(serverUrl, localPort, authority, clientId, apiScope, theme, newCamera, language, scan);
    }

    public AppSettings withScan(String newScan) {
        return new AppSettings(serverUrl, localPort, authority, clientId, apiScope, theme, camera, language, newScan);
    }

    public AppSettings withLanguage(String newLanguage) {
        return new AppSettings(serverUrl, localPort, authority, clientId, apiScope, theme, camera, newLanguage, scan);
    }

    /** What the Settings screen edits: the server and the sign-in provider. */
    public AppSettings withConnection(String newServerUrl, String newAuthority, String newClientId, String newApiScope) {
        return new AppSettings(newServerUrl, localPort, newAuthority, newClientId, newApiScope, theme, camera, language, scan);
    }

    public static AppSettings load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return defaults();
        }
        var p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            return defaults();
        }
        var d = defaults();
        int port;
        try {
            port = Integer.parseInt(p.getProperty("local-port", Integer.toString(d.localPort())).strip());
        } catch (NumberFormatException e) {
            port = d.localPort();
        }
        return new AppSettings(p.getProperty("server-url", d.serverUrl()).strip(), port,
                p.getProperty("authority", d.authority()).strip(), p.getProperty("client-id", d.clientId()).strip(),
                p.getProperty("api-scope", d.apiScope()).strip(), p.getProperty("theme", d.theme()).strip(),
                p.getProperty("camera", d.camera()).strip(), p.getProperty("language", d.language()).strip(),
                p.getProperty("scan", d.scan()).strip());
    }

    /** Writes the file, owner-only, replacing the old one in one step. */
    public void save(Path dataDir) throws IOException {
        var p = new Properties();
        p.setProperty("server-url", serverUrl);
        p.setProperty("local-port", Integer.toString(localPort));
        p.setProperty("authority", authority);
        p.setProperty("client-id", clientId);
        p.setProperty("api-scope", apiScope);
        p.setProperty("theme", theme);
        p.setProperty("camera", camera);
        p.setProperty("language", language);
        p.setProperty("scan", scan);
        Files.createDirectories(dataDir);
        Path temporary = Files.createTempFile(dataDir, FILE, ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            p.store(writer, "DeviceLink companion settings");
        }
        Files.move(temporary, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Checks what a person typed in the settings screen: the key of the sentence that says what is wrong, or null. */
    public static String problem(String serverUrl, String authority, String clientId, String apiScope) {
        if (!serverUrl.isBlank() && !serverUrl.startsWith("https://")) {
            return "settings.invalid.server";
        }
        if (!authority.isBlank() && (!authority.startsWith("https://") || clientId.isBlank() || apiScope.isBlank())) {
            return "settings.invalid.entra";
        }
        return null;
    }
}
