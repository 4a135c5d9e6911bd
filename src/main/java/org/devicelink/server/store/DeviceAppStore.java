package org.devicelink.server.store;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code device_apps} table: the registered device apps (OAuth public clients) and what they may ask for. */
public final class DeviceAppStore {

    private static final String COLUMNS = "client_id, display_name, allowed_scopes, max_devices, one_active";

    private final Sql sql;

    public DeviceAppStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * A registered device app: what devices running it may ask for, and its policies.
     *
     * @param maxDevices most devices one account may link for it; null: only the server's per-account limit
     * @param oneActive  one console at a time per account: linking another signs the older out
     */
    public record App(String clientId, String displayName, List<String> allowedScopes, Integer maxDevices, boolean oneActive) {

        /** An app with no policy of its own. */
        public App(String clientId, String displayName, List<String> allowedScopes) {
            this(clientId, displayName, allowedScopes, null, false);
        }
    }

    public Optional<App> find(String clientId) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM device_apps WHERE client_id = ?", DeviceAppStore::map, clientId);
    }

    public List<App> all() {
        return sql.query("SELECT " + COLUMNS + " FROM device_apps ORDER BY client_id", DeviceAppStore::map);
    }

    /** Registers an app, or changes a registered one's name and scopes. */
    public void put(App app) {
        String scopes = String.join(" ", app.allowedScopes());
        sql.inTransaction(() -> {
            if (sql.update("UPDATE device_apps SET display_name = ?, allowed_scopes = ?, max_devices = ?, one_active = ? WHERE client_id "
                    + "= ?",
                    app.displayName(), scopes, app.maxDevices(), app.oneActive(), app.clientId()) == 0) {
                sql.update("INSERT INTO device_apps (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", app.clientId(), app.displayName(), scopes,
                        app.maxDevices(), app.oneActive());
            }
            return null;
        });
    }

    /** Removes an app nothing refers to any more; false when it is unknown or still in use. */
    public boolean removeUnused(String clientId) {
        return sql.update("DELETE FROM device_apps WHERE client_id = ? "
                + "AND client_id NOT IN (SELECT client_id FROM pending_links) "
                + "AND client_id NOT IN (SELECT client_id FROM linked_devices)", clientId) == 1;
    }

    private static App map(Sql.Row r) throws SQLException {
        Integer max = r.string("max_devices") == null ? null : r.integer("max_devices");
        return new App(r.string("client_id"), r.string("display_name"),
                Arrays.stream(r.string("allowed_scopes").split(" ")).filter(s -> !s.isBlank()).toList(), max, r.bool("one_active"));
    }
}
