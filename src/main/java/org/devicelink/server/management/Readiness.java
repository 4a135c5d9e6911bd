package org.devicelink.server.management;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.devicelink.server.store.Sql;

/**
 * Whether this node should be sent requests: its database answers within a second and, on PostgreSQL, it hears other
 * nodes' decisions (its {@code LISTEN} connection is up); and it is not stopping. A load balancer that asks stops
 * sending a stopping node new requests before its held polls are answered and it closes.
 */
public final class Readiness {

    static final Duration DATABASE_WAIT = Duration.ofSeconds(1);

    private final Sql sql;
    private final BooleanSupplier hearing;
    private final ExecutorService asking = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    /** @param hearing whether decisions made on other nodes are heard (always, on one node) */
    public Readiness(Sql sql, BooleanSupplier hearing) {
        this.sql = sql;
        this.hearing = hearing;
    }

    /** From now on this node answers that it is not ready: it is stopping. */
    public void stopping() {
        stopping = true;
    }

    /** What was checked, each {@code UP} or why not; ready when every one is {@code UP}. */
    public record Checks(Map<String, String> checks) {
        public boolean ready() {
            return checks.values().stream().allMatch(UP::equals);
        }
    }

    public static final String UP = "UP";

    public Checks check() {
        var checks = new LinkedHashMap<String, String>();
        checks.put("stopping", stopping ? "the node is stopping" : UP);
        checks.put("database", database());
        checks.put("decisions", hearing.getAsBoolean() ? UP : "not hearing other nodes' decisions (LISTEN is down)");
        return new Checks(checks);
    }

    private String database() {
        // asked on a thread of its own, so a database that hangs costs this answer a second, not the check's caller more
        var answer = asking.submit(() -> sql.queryOne("SELECT 1 AS one", row -> row.integer("one")));
        try {
            answer.get(DATABASE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return UP;
        } catch (TimeoutException e) {
            answer.cancel(true);
            return "the database did not answer within " + DATABASE_WAIT.toSeconds() + " s";
        } catch (ExecutionException e) {
            return "the database failed: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
