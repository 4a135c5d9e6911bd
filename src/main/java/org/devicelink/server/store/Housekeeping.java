package org.devicelink.server.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forgets what no one needs any more: device requests a week past their expiry (kept that long so support can say
 * what happened to a code), spent refresh tokens past their expiry, attempt counters whose window closed long
 * ago, and activity older than it is kept (a year by default). The support audit is never swept. Every node may run
 * it; the deletes are idempotent. It deletes in batches, each its own short transaction, so a
 * launch day's million expired codes never hold a lock that devices polling at that moment would wait behind.
 */
public final class Housekeeping {

    static final Duration KEEP_EXPIRED_REQUESTS = Duration.ofDays(7);
    private static final int BATCH = 1_000;

    private final Sql sql;
    private final Clock clock;
    private final Duration activityKept;
    private final int batch;

    public Housekeeping(Sql sql, Clock clock, Duration activityKept) {
        this(sql, clock, activityKept, BATCH);
    }

    public Housekeeping(Sql sql, Clock clock, Duration activityKept, int batch) {
        this.sql = sql;
        this.clock = clock;
        this.activityKept = activityKept;
        this.batch = batch;
    }

    /** What one run removed: per table, the size of each batch it deleted, in order. */
    public record Sweep(Map<String, List<Integer>> batches) {
        public int rows() {
            return batches.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
        }
    }

    public static final Duration KEEP_SENT_NOTICES = Duration.ofDays(30);

    public Sweep run() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(KEEP_EXPIRED_REQUESTS);
        new LinkedDeviceStore(sql).endUncollected(null, now);
        var batches = new LinkedHashMap<String, List<Integer>>();
        batches.put("pending_links",
                inBatches("DELETE FROM pending_links WHERE id IN (SELECT id FROM pending_links WHERE expires_at < ? LIMIT ?)",
                cutoff));
        batches.put("refresh_tokens", inBatches("DELETE FROM refresh_tokens WHERE token_hash IN "
                + "(SELECT token_hash FROM refresh_tokens WHERE expires_at < ? LIMIT ?)", cutoff));
        batches.put("attempt_limits", inBatches("DELETE FROM attempt_limits WHERE subject IN (SELECT subject FROM attempt_limits "
                + "WHERE window_started_at < ? AND (locked_until IS NULL OR locked_until < ?) LIMIT ?)", cutoff, now));
        batches.put("activity", inBatches("DELETE FROM activity WHERE id IN (SELECT id FROM activity WHERE at < ? LIMIT ?)",
                now.minus(activityKept)));
        batches.put("web_sessions",
                inBatches("DELETE FROM web_sessions WHERE id_hash IN (SELECT id_hash FROM web_sessions WHERE expires_at < ? LIMIT ?)",
                now));
        batches.put("support_hints", inBatches("DELETE FROM support_hints WHERE id IN (SELECT id FROM support_hints WHERE at < ? LIMIT ?)",
                now.minus(Duration.ofDays(1))));
        // a sent notice is kept a month (what was mailed, for support); an unsent one until it is sent
        batches.put("outbox", inBatches("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE sent_at < ? LIMIT ?)",
                now.minus(KEEP_SENT_NOTICES)));
        batches.put("unwanted_links", inBatches("DELETE FROM unwanted_links WHERE id IN (SELECT id FROM unwanted_links WHERE "
                + "expires_at < ? LIMIT ?)", cutoff));
        return new Sweep(batches);
    }

    /** Runs a delete whose last parameter is its batch size until a batch removes less than a full batch. */
    private List<Integer> inBatches(String delete, Object... arguments) {
        var withBatch = Arrays.copyOf(arguments, arguments.length + 1);
        withBatch[arguments.length] = batch;
        var sizes = new ArrayList<Integer>();
        int last;
        do {
            last = sql.update(delete, withBatch);
            sizes.add(last);
        } while (last == batch);
        return sizes;
    }
}
