package org.devicelink.app.local;

import java.nio.file.Path;
import java.util.Map;
import org.devicelink.server.LinkServer;
import org.devicelink.server.ServerConfig;
import org.devicelink.server.Setting;
import org.devicelink.server.mail.MailSettings;

/**
 * The one door from the companion into the link server's code: starts the embedded default (H2 in the user's data
 * folder, local sign-in with demo accounts, loopback only) in this process. Everything else in the app talks to it
 * over HTTPS like to any other server.
 */
public final class LocalServer implements AutoCloseable {

    private final LinkServer server;

    private LocalServer(LinkServer server) {
        this.server = server;
    }

    public static LocalServer start(Path dataDir, int port) {
        var config = ServerConfig.load(dataDir, null, Map.of(), Map.of(
                Setting.DATA_DIR.key(), dataDir.toString(),
                Setting.HOST.key(), "127.0.0.1",
                Setting.PORT.key(), Integer.toString(port),
                Setting.MANAGEMENT_PORT.key(), "0")); // the companion's own server is nobody's to watch: any free port
        return new LocalServer(LinkServer.start(config));
    }

    /** Where the embedded server in {@code dataDir} keeps the emails it would send: it has no mail server. */
    public static Path outbox(Path dataDir) {
        return dataDir.resolve(MailSettings.OUTBOX_FOLDER);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public Path certificate() {
        return server.certificateFile();
    }

    @Override
    public void close() {
        server.close();
    }
}
