package org.devicelink.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devicelink.device.DeviceClient;
import org.devicelink.protocol.Role;
import org.devicelink.server.DemoData;
import org.devicelink.server.LinkServer;
import org.devicelink.server.ServerConfig;
import org.devicelink.server.Setting;
import org.devicelink.server.issuer.LocalUsers;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.server.store.LocalUserStore;
import org.devicelink.tls.PinnedCertificate;

/**
 * A real link server for a test: HTTPS on a free loopback port, its own data folder and database, trusting a
 * {@link TestIssuer}, with a 1-second poll interval so flows finish quickly.
 */
public final class LinkServerFixture implements AutoCloseable {

    public final TestIssuer issuer;
    public final ShiftingClock clock;
    private final boolean ownsIssuer;
    private final Path dataDir;
    private final Map<String, String> settings = new HashMap<>();
    private final boolean testApps;
    private LinkServer server;
    private Http http;

    public LinkServerFixture(Databases databases, Path dataDir, Map<String, String> overrides) {
        this(databases, dataDir, overrides, true);
    }

    /** @param testApps whether to register the demo apps the tests' devices run when the server has no demo data */
    public LinkServerFixture(Databases databases, Path dataDir, Map<String, String> overrides, boolean testApps) {
        this.testApps = testApps;
        this.dataDir = dataDir;
        this.clock = new ShiftingClock();
        this.issuer = new TestIssuer(clock);
        this.ownsIssuer = true;
        settings.put(Setting.DATA_DIR.key(), dataDir.toString());
        settings.put(Setting.PORT.key(), "0");
        settings.put(Setting.MANAGEMENT_PORT.key(), "0");
        settings.put(Setting.DATABASE_URL.key(), databases.newDatabase(dataDir));
        settings.put(Setting.POLL_INTERVAL.key(), "1");
        settings.putAll(issuer.trustSettings());
        settings.putAll(overrides);
        if (TEST_ISSUER.equals(overrides.get("web.authority"))) {
            settings.putAll(issuer.webSettings());
        }
        start();
    }

    /** As {@code web.authority}: the approval page signs people in at this fixture's test issuer. */
    public static final String TEST_ISSUER = "test-issuer";

    /** Another node of the same deployment: the same database, settings, issuer and clock, its own data folder and port. */
    private LinkServerFixture(LinkServerFixture first, Path dataDir) {
        this.testApps = false; // the first node registered them in the shared database
        this.dataDir = dataDir;
        this.issuer = first.issuer;
        this.clock = first.clock;
        this.ownsIssuer = false;
        settings.putAll(first.settings);
        settings.put(Setting.DATA_DIR.key(), dataDir.toString());
        start();
    }

    public LinkServerFixture anotherNode(Path dataDir) {
        return new LinkServerFixture(this, dataDir);
    }

    public void start() {
        server = LinkServer.start(ServerConfig.from(settings, dataDir), clock);
        http = new Http(server.baseUrl(), server.certificateFile());
        if (testApps && !server.config().demoAccounts()) {
            // the apps the tests' devices run, registered as an operator would (the demo ones are there only with demo data)
            var apps = new DeviceAppStore(server.sql());
            DemoData.APPS.forEach(apps::put);
        }
    }

    /** Stops and starts the server on the same data folder and database (a new port). */
    public void restart() {
        server.close();
        start();
    }

    public Http http() {
        return http;
    }

    public LinkServer server() {
        return server;
    }

    /** Adds an account at the local provider, password {@code link-demo} (for servers without the demo accounts). */
    public void addAccount(String username, String displayName, Role role, String familyOf) {
        new LocalUsers(new LocalUserStore(server.sql()), clock,
                new SecureRandom()).add(username, displayName, null, "link-demo".toCharArray(), role, familyOf);
    }

    /** Everything the database holds, every column of every table, as one text: to show what is not in it. */
    public String everythingStored() {
        var text = new StringBuilder();
        for (var table : query("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")) {
            String name = String.valueOf(table.get("table_name"));
            query("SELECT * FROM \"" + name + "\"").forEach(row -> text.append(name).append(row).append('\n'));
        }
        return text.toString();
    }

    /** The rows a query of the server's own database gives, each as column (lower case) to value: what is stored. */
    public List<Map<String, Object>> query(String select, Object... args) {
        return server.sql().query(select, row -> row.columns(), args);
    }

    /** Registers a device app (or changes one), with its policies, as `devicelink server apps add` does. */
    public void putApp(DeviceAppStore.App app) {
        new DeviceAppStore(server.sql()).put(app);
    }

    /** A statement run on the server's own database, as the server's own role: what it may and may not change. */
    public int update(String statement, Object... args) {
        return server.sql().update(statement, args);
    }

    public DeviceClient device(String clientId) {
        try {
            return new DeviceClient(URI.create(server.baseUrl()), clientId, PinnedCertificate.trusting(server.certificateFile()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        if (ownsIssuer) {
            issuer.close();
        }
    }
}
