package org.devicelink.server.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import org.devicelink.protocol.ProblemType;
import org.devicelink.server.http.ApiProblem;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/events}: server-sent events for the signed-in account's companion. {@code ready} when the stream
 * opens (read everything: changes may have been missed while it was closed), then {@code changed} after every change
 * to the family's requests or devices. A comment every {@link #PING} keeps proxies and this server's 30 s idle timeout
 * from closing a quiet stream, and finds the dead ones; a stream ends after {@link #LIFETIME}, so the companion comes
 * back with a current access token (a stream outlives the token it was opened with by at most that).
 */
public final class ChangeStream implements AutoCloseable {

    public static final String PATH = "/api/v1/events";
    private static final String EVENT_STREAM = "text/event-stream";
    static final Duration PING = Duration.ofSeconds(15);
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final AccountChanges changes;
    private final Set<SseClient> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("change-stream").daemon().factory());

    public ChangeStream(AccountChanges changes) {
        this.changes = changes;
        timers.scheduleWithFixedDelay(() -> open.forEach(client -> send(client, () -> client.sendComment("ping"))),
                PING.toMillis(), PING.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> {
            Account me = ApiAccounts.of(ctx); // before the stream starts: an unknown token is a plain 401
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains(EVENT_STREAM)) {
                throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.event-stream");
            }
            new SseHandler(client -> stream(me, client)).handle(ctx);
        });
    }

    private void stream(Account me, SseClient client) {
        var subscription = changes.onChange(me, () -> send(client, () -> client.sendEvent("changed", "{}")));
        var end = timers.schedule(client::close, LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
        client.onClose(() -> {
            open.remove(client);
            subscription.close();
            end.cancel(false);
        });
        open.add(client);
        send(client, () -> client.sendEvent("ready", "{}"));
        client.keepAlive();
    }

    /** One writer at a time: a change and a ping may come together from two threads. */
    private static void send(SseClient client, Runnable write) {
        synchronized (client) {
            if (!client.terminated()) {
                write.run();
            }
        }
    }

    /** Ends every open stream, before the server stops: it would otherwise wait for them. */
    public void endStreams() {
        open.forEach(SseClient::close);
    }

    @Override
    public void close() {
        endStreams();
        timers.shutdownNow();
    }
}
