package org.devicelink.app.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The companion's end of the server's change stream ({@code GET /api/v1/events}, server-sent events): one virtual
 * thread reads it and calls {@code onChange} on {@code ready} and {@code changed}. When the stream ends or fails (the
 * server's 10-minute limit, a restart, no network) it opens again after 1 s, doubling to 30 s while it keeps failing,
 * with a current access token each time.
 */
final class ChangeFeed implements AutoCloseable {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI events;
    private final LinkApi.Tokens tokens;
    private final Runnable onChange;
    private final Thread reader;
    private volatile boolean closed;
    private volatile Stream<String> current;

    private ChangeFeed(HttpClient http, URI events, LinkApi.Tokens tokens, Runnable onChange) {
        this.http = http;
        this.events = events;
        this.tokens = tokens;
        this.onChange = onChange;
        this.reader = Thread.ofVirtual().name("change-feed").unstarted(this::read);
    }

    static ChangeFeed start(HttpClient http, URI events, LinkApi.Tokens tokens, Runnable onChange) {
        var feed = new ChangeFeed(http, events, tokens, onChange);
        feed.reader.start();
        return feed;
    }

    private void read() {
        Duration retry = FIRST_RETRY;
        while (!closed) {
            try {
                var request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + tokens.accessToken()).GET().build();
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                try (Stream<String> lines = response.body()) {
                    current = lines;
                    if (response.statusCode() == 200) {
                        retry = FIRST_RETRY;
                        lines.filter(line -> line.startsWith("event:"))
                                .map(line -> line.substring("event:".length()).strip())
                                .filter(name -> name.equals("ready") || name.equals("changed"))
                                .forEach(name -> onChange.run());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) { // no network, a refused token, a closed stream: try again, more slowly
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(retry);
            } catch (InterruptedException e) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> lines = current;
        if (lines != null) {
            lines.close();
        }
        reader.interrupt();
    }
}
