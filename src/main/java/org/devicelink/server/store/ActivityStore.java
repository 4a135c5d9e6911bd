package org.devicelink.server.store;

import java.time.Instant;
import java.util.List;

/** The {@code activity} table: what happened to each account's devices and requests. Rows are only ever added. */
public final class ActivityStore {

    private final Sql sql;

    public ActivityStore(Sql sql) {
        this.sql = sql;
    }

    /** One event. {@code kind} is an {@code ActivityKind} as {@link Sql#wire} writes it. */
    public record Entry(String id, String accountId, String kind, Instant at, String deviceId, String deviceName, String appId,
                        String detail) {}

    public void insert(Entry entry) {
        sql.update("INSERT INTO activity (id, account_id, kind, at, device_id, device_name, app_id, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entry.id(), entry.accountId(), entry.kind(), entry.at(), entry.deviceId(),
                entry.deviceName(), entry.appId(), entry.detail());
    }

    /** An account's events, newest first. */
    public List<Entry> forAccount(String accountId, int limit) {
        return sql.query("SELECT id, account_id, kind, at, device_id, device_name, app_id, detail FROM activity "
                        + "WHERE account_id = ? ORDER BY at DESC, id FETCH FIRST " + limit + " ROWS ONLY",
                r -> new Entry(r.string("id"), r.string("account_id"), r.string("kind"), r.instant("at"), r.string("device_id"),
                        r.string("device_name"), r.string("app_id"), r.string("detail")), accountId);
    }
}
