package org.devicelink.server.store;

import java.time.Instant;
import java.util.Collections;
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

    /** An entry with the name of the account it belongs to: a parent reads the family's together. */
    public record Named(Entry entry, String accountName) {}

    /** The accounts' events together, newest first. */
    public List<Named> forAccounts(List<String> accountIds, int limit) {
        String marks = String.join(", ", Collections.nCopies(accountIds.size(), "?"));
        return sql.query("SELECT a.id, a.account_id, a.kind, a.at, a.device_id, a.device_name, a.app_id, a.detail, c.display_name "
                        + "FROM activity a JOIN accounts c ON c.id = a.account_id WHERE a.account_id IN (" + marks + ") "
                        + "ORDER BY a.at DESC, a.id FETCH FIRST " + limit + " ROWS ONLY",
                r -> new Named(new Entry(r.string("id"), r.string("account_id"), r.string("kind"), r.instant("at"), r.string("device_id"),
                        r.string("device_name"), r.string("app_id"), r.string("detail")), r.string("display_name")), accountIds.toArray());
    }
}
