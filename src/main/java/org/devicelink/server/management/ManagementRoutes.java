package org.devicelink.server.management;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /health/live}, {@code GET /health/ready} (JSON; 503 with the reason) and {@code GET /metrics} (Prometheus
 * text), served on the management listener ({@code management.port}, loopback by default), and on the public port only
 * when the operator says so ({@code management.public}). The management listener serves nothing else.
 */
public final class ManagementRoutes {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String METRICS = "/metrics";

    private final Readiness readiness;
    private final Metrics metrics;
    private final Predicate<Context> onManagementPort;
    private final boolean alsoPublic;

    public ManagementRoutes(Readiness readiness, Metrics metrics, Predicate<Context> onManagementPort, boolean alsoPublic) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.onManagementPort = onManagementPort;
        this.alsoPublic = alsoPublic;
    }

    public void register(RoutesConfig routes) {
        routes.before(ctx -> {
            boolean management = onManagementPort.test(ctx);
            boolean ours = ctx.path().equals(LIVE) || ctx.path().equals(READY) || ctx.path().equals(METRICS);
            if (management != ours && !(ours && alsoPublic)) {
                throw new NotFoundResponse(); // each listener serves its own, and nothing of the other's
            }
        });
        routes.get(LIVE, ctx -> ctx.json(Map.of("status", Readiness.UP)));
        routes.get(READY, ctx -> {
            var checks = readiness.check();
            ctx.status(checks.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("status", checks.ready() ? Readiness.UP : "DOWN", "checks", checks.checks()));
        });
        routes.get(METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
}
