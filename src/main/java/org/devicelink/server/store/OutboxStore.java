package org.devicelink.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The {@code outbox} table: whole messages written with the change they report, and whether each has been sent. */
public final class OutboxStore {

    private static final String COLUMNS = "id, recipient, kind, message, attempts, next_attempt_at";

    private final Sql sql;

    public OutboxStore(Sql sql) {
        this.sql = sql;
    }

    /** A message still to send, due at {@code due}. */
    public record Entry(String id, String recipient, String kind, String message, int attempts, Instant due) {}

    public void insert(String id, String recipient, String kind, String message, Instant now) {
        sql.update("INSERT INTO outbox (id, recipient, kind, message, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, recipient, kind, message, now, now);
    }

    /** Unsent messages due by {@code now}, oldest first. */
    public List<Entry> due(Instant now, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at "
                + "FETCH FIRST " + limit + " ROWS ONLY", OutboxStore::map, now);
    }

    /**
     * Takes {@code entry} for this node until {@code until}: false when another node took it first (its due time moved).
     * A node that dies while sending leaves it due again at {@code until}.
     */
    public boolean take(Entry entry, Instant until) {
        return sql.update("UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND sent_at IS NULL", until,
                entry.id(), entry.due()) == 1;
    }

    public void sent(String id, Instant now) {
        sql.update("UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?", now, id);
    }

    public void failed(String id, Instant retryAt, String error) {
        String kept = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        sql.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?", retryAt, kept, id);
    }

    /** How many messages wait to be sent (for operators and tests). */
    public int unsent() {
        return sql.queryOne("SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL", r -> r.integer("n")).orElse(0);
    }

    private static Entry map(Sql.Row r) throws SQLException {
        return new Entry(r.string("id"), r.string("recipient"), r.string("kind"), r.string("message"), r.integer("attempts"),
                r.instant("next_attempt_at"));
    }
}
