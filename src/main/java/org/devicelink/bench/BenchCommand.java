package org.devicelink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import org.devicelink.i18n.Messages;
import org.devicelink.platform.UserFolders;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.protocol.ProtocolJson;
import org.devicelink.tls.PinnedCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code devicelink bench}: drives a running link server as a launch day would, over the wire like any device and
 * any companion, and reports throughput and latency per operation, approval-to-token latency and the server's memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false) // words: the bundle's cli.devicelink.bench.*
public final class BenchCommand implements Callable<Integer> {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final UserFolders folders;
    @Option(names = "--server")
    URI server = URI.create("https://localhost:8443");
    @Option(names = "--ca")
    Path certificate;
    @Option(names = "--scenario")
    String scenario = "mix";
    @Option(names = "--duration")
    int duration = 60;
    @Option(names = "--warmup")
    int warmup = 5;
    @Option(names = "--connections")
    int connections = 32;
    @Option(names = "--pending")
    Integer pending;
    @Option(names = "--links")
    int links = 100;
    @Option(names = "--link-rate")
    double linkRate = 5;
    @Option(names = "--no-held")
    boolean noHeld;
    @Option(names = "--client-id")
    String clientId = "demo-console";
    @Option(names = "--username")
    String username = "alex";
    @Option(names = "--password")
    String password = "link-demo";
    @Option(names = "--token")
    String token;
    @Option(names = "--pid")
    Long pid;
    @Option(names = "--csv")
    Path csv;
    @Option(names = "--plot")
    Path plot;

    private final PrintStream out;
    private final Samples samples = new Samples();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private SSLSocketFactory tls;
    private volatile boolean stopping;
    private long pollWait;
    /** The span of the run the figures cover, in ms, when not warm-up then duration (the mix: all of it). */
    private long[] measured;

    public BenchCommand(UserFolders folders) {
        this(folders, System.out);
    }

    BenchCommand(UserFolders folders, PrintStream out) {
        this.folders = folders;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        try {
            Callable<String> run = switch (scenario) { // chosen before connecting: a mistyped scenario is told at once
                case "metadata" -> () -> closedLoop("metadata", http -> http.get("/.well-known/oauth-authorization-server", Map.of()));
                case "device-authorizations" -> () -> closedLoop("device authorization", this::deviceAuthorization);
                case "pending-polls" -> this::pendingPolls;
                case "mix" -> this::mix;
                default -> throw new IllegalArgumentException(Messages.get("bench.unknownScenario", scenario));
            };
            Path pem = certificate != null ? certificate : folders.localServerCertificate();
            if ("https".equals(server.getScheme())) {
                if (!Files.exists(pem)) {
                    throw new IOException(Messages.get("bench.noCertificate", pem));
                }
                tls = PinnedCertificate.trusting(pem).getSocketFactory();
            }
            JsonNode metadata;
            try (var http = new RawHttp(server, tls)) {
                var answer = http.get("/.well-known/oauth-authorization-server", Map.of());
                answer.expect(200, Messages.get("bench.metadataOf", server));
                metadata = ProtocolJson.MAPPER.readTree(answer.body());
            } catch (ConnectException e) {
                throw new IOException(Messages.get("bench.unreachable", server), e);
            }
            pollWait = !noHeld ? metadata.path(DeviceAuthorization.POLL_WAIT_METADATA).asLong(0) : 0;
            long rssBefore = ServerMemory.rss(pid);
            report(run.call(), rssBefore);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("devicelink bench: " + e.getMessage());
            return 1;
        } finally {
            stopping = true;
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Call {
        RawHttp.Response run(RawHttp http) throws IOException;
    }

    /** {@link #connections} connections, each sending {@code call} as soon as the last answer is in, for the whole run. */
    private String closedLoop(String operation, Call call) throws Exception {
        var workers = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < connections; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                try (var http = new RawHttp(server, tls)) {
                    while (!stopping) {
                        timed(operation, http, call);
                    }
                }
            }, threads));
        }
        runFor(warmup + duration);
        stopping = true;
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        return Messages.get("bench.closedLoop", connections, Samples.name(operation));
    }

    /** Asks for {@code pending} codes, then polls them round robin as fast as the connections go. */
    private String pendingPolls() throws Exception {
        int count = pending != null ? pending : 10_000;
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        var next = new AtomicInteger();
        var creators = new ArrayList<CompletableFuture<Void>>();
        var progress = progress(Messages.get("bench.asking", count), count, () -> codes.size());
        for (int i = 0; i < connections; i++) {
            creators.add(CompletableFuture.runAsync(() -> {
                try (var http = new RawHttp(server, tls)) {
                    while (next.getAndIncrement() < count) {
                        var answer = deviceAuthorization(http);
                        if (answer.status() == 200) {
                            codes.add(ProtocolJson.MAPPER.readTree(answer.body()).path("device_code").asText());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, threads));
        }
        CompletableFuture.allOf(creators.toArray(CompletableFuture[]::new)).get(1, TimeUnit.HOURS);
        progress.close();
        out.println(Messages.get("bench.pendingCodes", codes.size(), ServerMemory.text(ServerMemory.rss(pid))));
        var round = new AtomicLong();
        String[] all = codes.toArray(String[]::new);
        return closedLoop("pending poll", http -> {
            String code = all[(int) (round.getAndIncrement() % all.length)];
            return http.post("/oauth2/token", Map.of(), "application/x-www-form-urlencoded",
                    ApproverSignIn.form(Map.of("grant_type", DEVICE_GRANT, "client_id", clientId, "device_code", code)));
        }).transform(what -> Messages.get("bench.overCodes", what, all.length));
    }

    /**
     * The launch-day mix: {@code pending} devices waiting the whole run, polling at the advertised interval; and
     * {@link #links} devices that a person approves, 1–3 s after looking the code up. Each linked device collects its
     * tokens, refreshes once and is unlinked (so the account stays under its device limit).
     */
    private String mix() throws Exception {
        int waiting = pending != null ? pending : 200;
        String bearer;
        try (var http = new RawHttp(server, tls)) {
            bearer = token != null ? token : ApproverSignIn.accessToken(http, LocalSignIn.CLIENT_ID, username, password);
        }
        for (int i = 0; i < waiting; i++) {
            threads.execute(this::waitingDevice);
        }
        var inFlight = new Semaphore(20); // under the default limit of 25 devices per account
        var flows = new ArrayList<CompletableFuture<Void>>();
        long start = System.nanoTime();
        var progress = progress(Messages.get("bench.linking", links), links,
                () -> (int) flows.stream().filter(CompletableFuture::isDone).count());
        for (int i = 0; i < links; i++) {
            long due = start + (long) (i / linkRate * 1e9);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            inFlight.acquire();
            flows.add(CompletableFuture.runAsync(() -> {
                try {
                    link(bearer);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    samples.operation("link").failures.increment();
                    samples.operation("link").failedWith(e.getMessage());
                } finally {
                    inFlight.release();
                }
            }, threads));
        }
        CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        progress.close();
        stopping = true;
        measured = new long[] {0, samples.nowMillis() + 1};
        return Messages.get(pollWait > 0 ? "bench.mix.held" : "bench.mix.unheld", waiting, links, linkRate, pollWait);
    }

    /** A device that shows its code all run long and polls at the advertised interval (held where offered). */
    private void waitingDevice() {
        try (var http = new RawHttp(server, tls)) {
            var answer = timed("device authorization", http, this::deviceAuthorization);
            if (answer.status() != 200) {
                return;
            }
            var code = ProtocolJson.MAPPER.readValue(answer.body(), DeviceAuthorization.class);
            pollUntilDecided(http, code);
        } catch (IOException | InterruptedException e) {
            if (!stopping) { // the run's end stops every waiting device: that is no failure
                samples.operation("pending poll").failures.increment();
                samples.operation("pending poll").failedWith(e.getMessage());
            }
        }
    }

    private void link(String bearer) throws IOException, InterruptedException {
        try (var device = new RawHttp(server, tls); var person = new RawHttp(server, tls)) {
            var answer = timed("device authorization", device, this::deviceAuthorization);
            var code = ProtocolJson.MAPPER.readValue(answer.body(), DeviceAuthorization.class);
            var tokens = CompletableFuture.supplyAsync(() -> {
                try {
                    return pollUntilDecided(device, code);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            Map<String, String> auth = Map.of("Authorization", "Bearer " + bearer);
            String path = "/api/v1/links/" + code.userCode();
            patiently("lookup", person, http -> http.get(path, auth)).expect(200, Samples.name("lookup"));
            Thread.sleep(ThreadLocalRandom.current().nextLong(1000, 3000)); // the person reads what is asking
            long approving = samples.nanos();
            var approved = patiently("approve", person, http -> http.post(path + "/approve", auth, "application/json", "{}"));
            approved.expect(200, Samples.name("approve"));
            TokenAnswer collected = tokens.join();
            samples.operation("approval to tokens").answered("linked");
            recordSince("approval to tokens", approving, collected.at());
            String deviceId = ProtocolJson.MAPPER.readTree(approved.body()).path("id").asText();
            var refreshed = timed("refresh", device, http -> http.post("/oauth2/token", Map.of(), "application/x-www-form-urlencoded",
                    ApproverSignIn.form(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token",
                            collected.refreshToken()))));
            refreshed.expect(200, Samples.name("refresh"));
            timed("unlink", person, http -> http.send("DELETE", "/api/v1/devices/" + deviceId, auth, null, null))
                    .expect(200, Samples.name("unlink"));
        }
    }

    private record TokenAnswer(String refreshToken, long at) {}

    /** Polls as the device kit does: polls start at least the interval apart, held where offered. */
    private TokenAnswer pollUntilDecided(RawHttp http, DeviceAuthorization code) throws IOException, InterruptedException {
        long interval = code.interval() * 1_000_000_000L;
        long last = pollWait > 0 ? Long.MIN_VALUE : System.nanoTime();
        long heldSince = Long.MIN_VALUE;
        String form = ApproverSignIn.form(Map.of("grant_type", DEVICE_GRANT, "client_id", clientId, "device_code", code.deviceCode()));
        Map<String, String> prefer = pollWait > 0 ? Map.of("Prefer", "wait=" + pollWait) : Map.of();
        String operation = pollWait > 0 ? "held poll" : "pending poll";
        while (!stopping) {
            if (last != Long.MIN_VALUE) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, last + interval - System.nanoTime()));
            }
            long start = System.nanoTime();
            var answer = http.post("/oauth2/token", prefer, "application/x-www-form-urlencoded", form);
            long at = System.nanoTime();
            if (answer.status() == 307 && heldSince == Long.MIN_VALUE) { // held and approved: collect at once, as the device kit does
                last = Long.MIN_VALUE;
                heldSince = start;
                continue;
            }
            last = start;
            if (answer.status() == 200) {
                recordSince(operation + " → tokens", heldSince != Long.MIN_VALUE ? heldSince : start, at); // from the poll that heard
                return new TokenAnswer(ProtocolJson.MAPPER.readTree(answer.body()).path("refresh_token").asText(), at);
            }
            String error = ProtocolJson.MAPPER.readTree(answer.body()).path("error").asText("http " + answer.status());
            recordSince(operation, last, at);
            samples.operation(operation).answered(error);
            switch (error) {
                case "authorization_pending" -> { }
                case "slow_down" -> interval += 5_000_000_000L;
                case "temporarily_unavailable" -> TimeUnit.SECONDS.sleep(Math.max(1,
                        answer.askedToWaitSeconds())); // as the device kit does
                default -> throw new IOException(Messages.get("bench.deviceTold", error));
            }
        }
        throw new InterruptedException("stopped");
    }

    private RawHttp.Response deviceAuthorization(RawHttp http) throws IOException {
        return http.post("/oauth2/device_authorization", Map.of(), "application/x-www-form-urlencoded",
                ApproverSignIn.form(Map.of("client_id", clientId, "device_name", "Bench console")));
    }

    private RawHttp.Response timed(String operation, RawHttp http, Call call) {
        long start = samples.nanos();
        try {
            var answer = call.run(http);
            samples.record(operation, start);
            samples.operation(operation).answered(answer.name());
            if (answer.status() >= 500) {
                samples.operation(operation).failures.increment();
            }
            return answer;
        } catch (IOException e) {
            samples.operation(operation).failures.increment();
            samples.operation(operation).failedWith("connection: " + e.getMessage());
            return new RawHttp.Response(599, Map.of(), new byte[0]);
        }
    }

    /**
     * A call as a person's companion makes it: when the server asks to wait a few seconds (429 while other lookups
     * of the account are judged, 503 while its database is away), it waits that long and tries again, twice at most.
     */
    private RawHttp.Response patiently(String operation, RawHttp http, Call call) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            var answer = timed(operation, http, call);
            long wait = answer.askedToWaitSeconds();
            if (attempt == 2 || wait < 0) {
                return answer;
            }
            TimeUnit.SECONDS.sleep(wait);
        }
    }

    private void recordSince(String operation, long startNanos, long endNanos) {
        samples.operation(operation).add(samples.millisAt(startNanos), (endNanos - startNanos) / 1_000);
    }

    private Progress progress(String what, int total, IntSupplier current) {
        return new Progress(what, total, current, samples::total, threads);
    }

    private void runFor(int seconds) throws InterruptedException {
        var progress = progress(Messages.get("bench.running", scenario, warmup, duration), seconds,
                () -> (int) (samples.nowMillis() / 1000));
        Thread.sleep(seconds * 1000L);
        progress.close();
    }

    private void report(String what, long rssBefore) throws IOException {
        long from = measured != null ? measured[0] : warmup * 1000L;
        long to = measured != null ? measured[1] : from + duration * 1000L;
        out.println();
        out.println(Messages.get("bench.header", server, what));
        out.printf("%-22s %10s %10s %9s %9s %9s  %s%n", Stream.of("operation", "count", "perSecond", "p50", "p99", "max", "answers")
                .map(column -> Messages.get("bench.column." + column)).toArray());
        for (var s : samples.summaries(from, to)) {
            out.printf("%-22s %,10d %,10.0f %9.2f %9.2f %9.1f  %s%s%n", Samples.name(s.operation()), s.count(), s.perSecond(),
                    s.p50Millis(), s.p99Millis(), s.maxMillis(), s.answers(),
                    s.failures() > 0 ? "  " + Messages.get("bench.failed", s.failures()) : "");
        }
        if (pid != null) {
            out.println(Messages.get("bench.memory", ServerMemory.text(rssBefore), ServerMemory.text(ServerMemory.rss(pid))));
        }
        if (csv != null) {
            samples.writeCsv(csv);
            out.println(Messages.get("bench.samples", csv));
        }
        if (plot != null) {
            LatencyPlot.write(plot, "devicelink bench: " + what, samples.perSecond(to));
            out.println(Messages.get("bench.plotFile", plot));
        }
    }
}
