package org.devicelink.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The {@code outbox} table: whole messages written with the change they report, and whether each has been sent. */
public final class OutboxStore {

    private static final String COLUMNS = "id, recipient, kind, message, attempts";

    private final Sql sql;

    public OutboxStore(Sql sql) {
        this.sql = sql;
    }

    /** A message still to send, tried {@code attempts} times so far. */
    public record Entry(String id, String recipient, String kind, String message, int attempts) {}

    public void insert(String id, String recipient, String kind, String message, Instant now) {
        sql.update("INSERT INTO outbox (id, recipient, kind, message, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, recipient, kind, message, now, now);
    }

    /** Unsent messages due by {@code now} and held by no node, oldest first. */
    public List<Entry> due(Instant now, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? AND (leased_until IS NULL "
                + "OR leased_until < ?) ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY", OutboxStore::map, now, now);
    }

    /**
     * Takes {@code id} for this node until {@code until}: false when another node holds it (or has sent it). A node that
     * dies while sending leaves it to the others at {@code until}.
     */
    public boolean take(String id, Instant now, Instant until) {
        return sql.update("UPDATE outbox SET leased_until = ? WHERE id = ? AND sent_at IS NULL AND (leased_until IS NULL OR leased_until "
                + "< ?)", until, id, now) == 1;
    }

    /** Lets go of every message a node held: for the one node there can be (H2), whose predecessor died holding some. */
    public int releaseAll() {
        return sql.update("UPDATE outbox SET leased_until = NULL WHERE leased_until IS NOT NULL");
    }

    public void sent(String id, Instant now) {
        sql.update("UPDATE outbox SET sent_at = ?, leased_until = NULL, attempts = attempts + 1, last_error = NULL WHERE id = ?", now, id);
    }

    public void failed(String id, Instant retryAt, String error) {
        String kept = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        sql.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, leased_until = NULL, last_error = ? WHERE id = ?",
                retryAt, kept, id);
    }

    /** How many messages wait to be sent (for operators and tests). */
    public int unsent() {
        return sql.queryOne("SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL", r -> r.integer("n")).orElse(0);
    }

    private static Entry map(Sql.Row r) throws SQLException {
        return new Entry(r.string("id"), r.string("recipient"), r.string("kind"), r.string("message"), r.integer("attempts"));
    }
}
