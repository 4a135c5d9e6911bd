package org.devicelink.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code unwanted_links} table: the "This wasn't me" links of new-link notices, each for one device, used once. */
public final class UnwantedLinkStore {

    private final Sql sql;

    public UnwantedLinkStore(Sql sql) {
        this.sql = sql;
    }

    public record Row(String id, String accountId, String deviceId, Instant expiresAt, Instant usedAt) {}

    public void insert(String id, String accountId, String deviceId, Instant expiresAt) {
        sql.update("INSERT INTO unwanted_links (id, account_id, device_id, expires_at) VALUES (?, ?, ?, ?)", id, accountId, deviceId,
                expiresAt);
    }

    public Optional<Row> find(String id) {
        return sql.queryOne("SELECT id, account_id, device_id, expires_at, used_at FROM unwanted_links WHERE id = ?",
                UnwantedLinkStore::map, id);
    }

    /** Marks the link used, if it was neither used nor expired at {@code now}: true for the one use that counts. */
    public boolean use(String id, Instant now) {
        return sql.update("UPDATE unwanted_links SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?", now, id, now) == 1;
    }

    private static Row map(Sql.Row r) throws SQLException {
        return new Row(r.string("id"), r.string("account_id"), r.string("device_id"), r.instant("expires_at"), r.instant("used_at"));
    }
}
