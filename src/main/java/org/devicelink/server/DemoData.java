package org.devicelink.server;

import java.util.List;
import org.devicelink.server.issuer.DemoAccounts;
import org.devicelink.server.issuer.LocalUsers;
import org.devicelink.server.store.DeviceAppStore;
import org.devicelink.server.store.LocalUserStore;
import org.slf4j.LoggerFactory;

/**
 * What a new user tries the embedded default with: two device apps to link, and the demo accounts of the local
 * provider. Seeded at start-up while {@code local-issuer.demo-accounts} is on; never by a migration, so a
 * production database has none of it.
 */
public final class DemoData {

    public static final List<DeviceAppStore.App> APPS = List.of(
            new DeviceAppStore.App("demo-console", "DeviceLink Demo Console", List.of("offline_access", "profile", "play")),
            new DeviceAppStore.App("demo-tv", "DeviceLink TV", List.of("offline_access", "profile", "watch")),
            // Minecraft's rule in the background articles: one console signed in at a time, and a few devices at most
            new DeviceAppStore.App("demo-game", "DeviceLink Demo Game", List.of("offline_access", "profile", "play"), 3, true));

    private DemoData() {}

    static void seed(DeviceAppStore apps, LocalUsers users) {
        APPS.forEach(apps::put);
        DemoAccounts.seed(users);
    }

    /**
     * Takes the demo data away when the setting is off, or the server is exposed: accounts with the published password
     * are removed, and the demo apps where no device uses them.
     */
    static void remove(DeviceAppStore apps, LocalUserStore users) {
        int accounts = DemoAccounts.remove(users);
        long unusedApps = APPS.stream().filter(app -> apps.removeUnused(app.clientId())).count();
        if (accounts + unusedApps > 0) {
            LoggerFactory.getLogger(DemoData.class).info("Demo data removed: {} demo accounts, {} demo apps.", accounts, unusedApps);
        }
    }
}
