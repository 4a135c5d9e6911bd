package org.devicelink.server.oauth;

import java.util.List;
import java.util.Optional;
import org.devicelink.server.store.Sql;

/** The registered device apps. */
public final class DeviceApps {

    private final Sql sql;

    public DeviceApps(Sql sql) {
        this.sql = sql;
    }

    public Optional<DeviceApp> find(String clientId) {
        return sql.queryOne("SELECT client_id, display_name, allowed_scopes FROM device_apps WHERE client_id = ?",
                row -> DeviceApp.of(row.string("client_id"), row.string("display_name"), row.string("allowed_scopes")),
                clientId);
    }

    public List<DeviceApp> all() {
        return sql.query("SELECT client_id, display_name, allowed_scopes FROM device_apps ORDER BY client_id",
                row -> DeviceApp.of(row.string("client_id"), row.string("display_name"), row.string("allowed_scopes")));
    }
}
