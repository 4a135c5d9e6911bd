package org.devicelink.server.management;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.devicelink.server.activity.ActivityRecorder;
import org.devicelink.server.http.Forms;
import org.devicelink.server.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator watches, in Prometheus's format through Micrometer: requests by route and status (a latency
 * histogram), device authorizations and token grants, every change to an account's devices by kind, codes waiting,
 * held polls and event streams, the group commit's wait, the connection pool and the JVM. Labels are route patterns,
 * never paths: a path may hold a code.
 */
public final class Metrics {

    /** One line per request, when the access log is on: method, route pattern, status, milliseconds; no path, no query. */
    private static final Logger ACCESS = LoggerFactory.getLogger("devicelink.access");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final boolean accessLog;
    private final Timer durableWait;
    /** Meters by name and labels, found again without building an id per request (the hot path's cost otherwise). */
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    public Metrics(boolean accessLog) {
        this.accessLog = accessLog;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        durableWait = Timer.builder("devicelink.group.commit.wait").description("How long a request that wrote waited for the disk")
                .publishPercentileHistogram().register(registry);
    }

    /** The registry, for the connection pool's own meters. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The scrape: every meter in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Javalin's request logger: every answered request, timed, by route pattern and status. */
    public void answered(Context ctx, Float millis) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        String status = Integer.toString(ctx.statusCode());
        requests.computeIfAbsent(ctx.method().name() + ' ' + route + ' ' + status, key -> Timer.builder("http.server.requests")
                .description("Requests answered, by route and status").tag("method", ctx.method().name()).tag("route", route)
                .tag("status", status).publishPercentileHistogram().register(registry))
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        if (ctx.statusCode() == 200 && route.equals("/oauth2/device_authorization")) {
            count("devicelink.device.authorizations", "Codes given to devices", "outcome", "issued");
        } else if (route.equals("/oauth2/token")) {
            String grant = grant(ctx);
            count("devicelink.token.grants", "Token requests by grant and outcome", "grant", grant, "status", status);
        }
        if (ctx.statusCode() == 429) {
            count("devicelink.limiter.refusals", "Requests refused by a limit (429), by route", "route", route);
        }
        if (accessLog) {
            ACCESS.info("{} {} {} {}ms", ctx.method().name(), route, status, Math.round(millis));
        }
    }

    /**
     * The grant a token request asked for, as a fixed word of the protocol (nothing else the device sent is kept), from
     * the form the handler parsed (parsing it again would cost the token endpoint a fifth of its rate).
     */
    private static String grant(Context ctx) {
        String grant = Forms.alreadyRead(ctx, "grant_type");
        return grant == null ? "unread" : switch (grant) {
            case "refresh_token" -> "refresh";
            case "urn:ietf:params:oauth:grant-type:device_code" -> "device-code";
            default -> "other";
        };
    }

    /** Every change to an account's devices and requests, counted by kind as it is recorded. */
    public ActivityRecorder counting(ActivityRecorder recorder) {
        return activity -> {
            recorder.record(activity);
            count("devicelink.activity", "Changes to accounts' devices and requests, by kind", "kind", Sql.wire(activity.kind()));
        };
    }

    /** A number read when scraped: codes waiting, held polls, open event streams. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** Times a request's wait for the disk (the group commit, on an H2 file). */
    public void durableWait(Duration waited) {
        durableWait.record(waited);
    }

    private void count(String name, String description, String... tags) {
        // keyed without joining strings: the token endpoint counts tens of thousands of grants a second
        counters.computeIfAbsent(new CounterKey(name, Arrays.asList(tags)), key -> Counter.builder(name).description(description).tags(tags)
                .register(registry)).increment();
    }

    private record CounterKey(String name, List<String> tags) {}
}
