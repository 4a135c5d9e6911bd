package org.devicelink.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The companion's end of the change stream against a scripted server-sent-events endpoint (the JDK's HTTP server on
 * loopback): what calls the listener, the token each stream is opened with, opening the stream again once the server
 * ends it, and closing. Each wait is on a condition, guarded by 10 s.
 */
class ChangeFeedTest {

    /** What the server does with one request for the stream. */
    @FunctionalInterface
    interface Answer {
        void play(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** Streams opened (with their Authorization header) and listener calls, in the order they happened. */
    final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    final List<String> accepts = new CopyOnWriteArrayList<>();
    final AtomicInteger tokensGiven = new AtomicInteger();
    /** Ends the streams the server holds open. */
    final CountDownLatch end = new CountDownLatch(1);
    /** The feed's reader: the thread that asks for the token. */
    volatile Thread reader;
    HttpServer server;
    ExecutorService handlers;
    ChangeFeed feed;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/api/v1/events", exchange -> {
            try {
                seen.add("opened with " + exchange.getRequestHeaders().getFirst("Authorization"));
                accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
                Answer answer = answers.poll();
                (answer != null ? answer : held()).play(exchange); // past the script: a quiet stream
            } catch (IOException | InterruptedException e) {
                // the feed went away, or the test ended
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        end.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    void startFeed() {
        URI events = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/events");
        LinkApi.Tokens tokens = () -> {
            reader = Thread.currentThread();
            return "token-" + tokensGiven.incrementAndGet();
        };
        // built as HttpLinkApi builds its client (no TLS here)
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        feed = ChangeFeed.start(http, events, tokens, () -> seen.add("change"));
    }

    /** A stream of these lines, each written and flushed as the server's are; it ends when the answer returns. */
    static void events(HttpExchange exchange, String... lines) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String line : lines) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** A stream of these lines that stays open until the test ends. */
    Answer held(String... lines) {
        return exchange -> {
            events(exchange, lines);
            end.await();
        };
    }

    /** The next {@code n} things that happened, each waited for up to 10 s. */
    List<String> next(int n) throws InterruptedException {
        var got = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            String one = seen.poll(10, TimeUnit.SECONDS);
            assertThat(one).as("what came after " + got).isNotNull();
            got.add(one);
        }
        return got;
    }

    @Test
    void eachReadyAndChangedTellsTheCompanionAndAnEndedStreamIsOpenedAgainWithACurrentToken() throws Exception {
        answers.add(exchange -> events(exchange,
                ": ping",
                "event: ready", "data: {}", "",
                "event: changed", "data: {}", "",
                "data: changed", "", // data alone names no event
                "event: something-new", "data: {}", "", // an event this companion does not know
                "event:changed", "data: {}", "")); // no space after the colon: the same event
        // the answer returns and the stream ends, as at the server's 10-minute limit or a restart
        answers.add(held("event: ready", "data: {}", ""));
        startFeed();

        assertThat(next(6)).containsExactly("opened with Bearer token-1", "change", "change", "change",
                "opened with Bearer token-2", "change");
        assertThat(accepts).containsExactly("text/event-stream", "text/event-stream");
    }

    @Test
    void aStreamTheServerRefusesIsAskedForAgainWithANewTokenAndItsBodyIsNotRead() throws Exception {
        answers.add(exchange -> { // refused, with a body that merely looks like events
            byte[] body = "event: ready\n\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
        });
        answers.add(held("event: ready", "data: {}", ""));
        startFeed();

        assertThat(next(3)).containsExactly("opened with Bearer token-1", "opened with Bearer token-2", "change");
    }

    @Test
    void closingTheFeedStopsItAndNoStreamIsOpenedAgain() throws Exception {
        answers.add(held("event: ready", "data: {}", ""));
        startFeed();
        assertThat(next(2)).containsExactly("opened with Bearer token-1", "change");

        feed.close();
        assertThat(reader.join(Duration.ofSeconds(10))).as("the feed's reader has ended").isTrue();
        // its reader gone, nothing can open the stream again
        assertThat(tokensGiven.get()).isEqualTo(1);
        assertThat(seen).isEmpty();
    }
}
