package org.devicelink.server.accounts;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.devicelink.protocol.ProblemType;
import org.devicelink.server.http.ApiProblem;

/**
 * {@code GET /api/v1/events}: server-sent events for the signed-in account's companion. {@code ready} when the stream
 * opens (read everything: changes may have been missed while it was closed), then {@code changed} after every change
 * to the family's requests or devices. A comment every {@link #PING} keeps proxies and this server's 30 s idle timeout
 * from closing a quiet stream, and finds the dead ones; a stream ends after {@link #LIFETIME}, so the companion comes
 * back with a current access token (a stream outlives the token it was opened with by at most that, and the sign-in
 * by at most one {@link #PING}). Streams are bounded per account and per node ({@link Limits}).
 */
public final class ChangeStream implements AutoCloseable {

    public static final String PATH = "/api/v1/events";
    private static final String EVENT_STREAM = "text/event-stream";
    static final Duration PING = Duration.ofSeconds(15);
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /**
     * How many streams may be open: per account (a few companions; a new one ends that account's oldest, which a
     * companion that lost its network may still hold) and on this node (under its file handles, with room for devices).
     */
    public record Limits(int perAccount, int perNode) {}

    /** One open stream: whose, and its client. */
    private record Open(Account account, SseClient client) {}

    private final AccountChanges changes;
    private final Predicate<Account> stillSignedIn;
    private final Limits limits;
    private final Map<SseClient, Open> open = new ConcurrentHashMap<>();
    private final Map<String, Deque<SseClient>> byAccount = new HashMap<>(); // guarded by itself
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("change-stream").daemon().factory());

    /** @param stillSignedIn whether the sign-in a stream was opened with still stands: checked at every ping */
    public ChangeStream(AccountChanges changes, Predicate<Account> stillSignedIn, Limits limits) {
        this.changes = changes;
        this.stillSignedIn = stillSignedIn;
        this.limits = limits;
        timers.scheduleWithFixedDelay(this::pingAll, PING.toMillis(), PING.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream for this call's account, within the limits. */
    void open(Context ctx) throws Exception {
        Account me = ApiAccounts.of(ctx); // before the stream starts: an unknown token is a plain 401
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "problem.invalid-request.event-stream");
        }
        if (open.size() >= limits.perNode()) {
            throw ApiProblem.waitFor(ProblemType.TOO_MANY_STREAMS, PING.multipliedBy(4));
        }
        new SseHandler(client -> stream(me, client)).handle(ctx);
    }

    private void stream(Account me, SseClient client) {
        var subscription = changes.onChange(me, () -> send(client, () -> client.sendEvent("changed", "{}")));
        var end = timers.schedule(client::close, LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
        client.onClose(() -> {
            open.remove(client);
            synchronized (byAccount) {
                var mine = byAccount.get(me.id());
                if (mine != null && mine.remove(client) && mine.isEmpty()) {
                    byAccount.remove(me.id());
                }
            }
            subscription.close();
            end.cancel(false);
        });
        open.put(client, new Open(me, client));
        SseClient oldest = null;
        synchronized (byAccount) {
            var mine = byAccount.computeIfAbsent(me.id(), id -> new ArrayDeque<>());
            mine.addLast(client);
            if (mine.size() > limits.perAccount()) {
                oldest = mine.pollFirst();
            }
        }
        if (oldest != null) {
            oldest.close();
        }
        send(client, () -> client.sendEvent("ready", "{}"));
        client.keepAlive();
    }

    /** A comment to each stream finds the dead ones; a stream whose sign-in has ended is closed instead. */
    private void pingAll() {
        open.values().forEach(stream -> {
            try {
                if (stillSignedIn.test(stream.account())) {
                    send(stream.client(), () -> stream.client().sendComment("ping"));
                } else {
                    stream.client().close();
                }
            } catch (RuntimeException e) { // the database away for a moment: ping anyway, check again next time
                send(stream.client(), () -> stream.client().sendComment("ping"));
            }
        });
    }

    /** One writer at a time: a change and a ping may come together from two threads. */
    private static void send(SseClient client, Runnable write) {
        synchronized (client) {
            if (!client.terminated()) {
                write.run();
            }
        }
    }

    /** How many streams this node holds open. */
    public int openStreams() {
        return open.size();
    }

    /** Ends every open stream, before the server stops: it would otherwise wait for them. */
    public void endStreams() {
        open.keySet().forEach(SseClient::close);
    }

    @Override
    public void close() {
        endStreams();
        timers.shutdownNow();
    }
}
