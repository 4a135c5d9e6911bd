package org.devicelink.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.ProtocolJson;
import org.devicelink.protocol.TokenResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device kit's RFC 8628 client, the real one, against a scripted OAuth server: the JDK's HTTP server on loopback,
 * plain HTTP, answering each request as the test wrote and noting it. The client waits through a sleeper that notes
 * each wait and returns at once, so a 30 s interval costs no 30 s.
 */
class DeviceClientTest {

    static final String CLIENT = "demo-console";
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final TokenResponse TOKENS = new TokenResponse("at-1", "Bearer", 3600, "rt-1", "play offline_access", "Alex Morgan");

    /** One scripted answer: a body of JSON (any other object) or of text (a String), and headers. */
    record Reply(int status, Object body, Map<String, String> headers) {
        static Reply ok(Object body) {
            return new Reply(200, body, Map.of());
        }

        static Reply error(String error) {
            return new Reply(400, new OAuthError(error, null), Map.of());
        }
    }

    /** A token poll as the server got it, and how long the client waited since the request before it. */
    record Poll(Map<String, String> form, Duration waitedBefore) {}

    HttpServer server;
    ExecutorService handlers;
    DeviceClient client;
    final Queue<Reply> codeAnswers = new ConcurrentLinkedQueue<>();
    final Queue<Reply> tokenAnswers = new ConcurrentLinkedQueue<>();
    final List<Map<String, String>> codeRequests = new CopyOnWriteArrayList<>();
    final List<Poll> polls = new CopyOnWriteArrayList<>();
    /** What the device was told, in order. */
    final List<String> heard = new CopyOnWriteArrayList<>();
    /** The client's waits since the server's last request; guarded by itself. */
    private final List<Duration> waits = new ArrayList<>();
    private int waitsInAll;

    final DeviceClient.Listener listener = new DeviceClient.Listener() {
        @Override
        public void onCode(DeviceAuthorization code) {
            heard.add("code " + code.userCode());
        }

        @Override
        public void onSlowDown(int newIntervalSeconds) {
            heard.add("slow down to " + newIntervalSeconds + " s");
        }

        @Override
        public void onConnectionProblem(String problem, Duration retryIn) {
            heard.add(problem + ", again in " + retryIn.toSeconds() + " s");
        }

        @Override
        public void onCodeExpired() {
            heard.add("code expired");
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        serve("/.well-known/oauth-authorization-server", exchange -> answer(exchange, Reply.ok(Map.of(
                "issuer", base.toString(),
                "device_authorization_endpoint", base.resolve("/oauth2/device_authorization").toString(),
                "token_endpoint", base.resolve("/oauth2/token").toString(),
                "revocation_endpoint", base.resolve("/oauth2/revoke").toString()))));
        serve("/oauth2/device_authorization", exchange -> {
            codeRequests.add(form(exchange));
            waitedSinceLastRequest();
            answer(exchange, next(codeAnswers));
        });
        serve("/oauth2/token", exchange -> {
            polls.add(new Poll(form(exchange), waitedSinceLastRequest()));
            answer(exchange, next(tokenAnswers));
        });
        server.start();
        client = new DeviceClient(base, CLIENT, null, this::sleep);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** The client's sleeper: notes the wait and returns at once. A client that waits without end fails the test. */
    void sleep(Duration duration) {
        synchronized (waits) {
            if (++waitsInAll > 50) {
                throw new AssertionError("the client has waited 50 times; it heard " + heard);
            }
            waits.add(duration);
        }
    }

    private Duration waitedSinceLastRequest() {
        synchronized (waits) {
            Duration sum = waits.stream().reduce(Duration.ZERO, Duration::plus);
            waits.clear();
            return sum;
        }
    }

    static DeviceAuthorization code(String deviceCode, String userCode) {
        return new DeviceAuthorization(deviceCode, userCode, "http://127.0.0.1/link", "http://127.0.0.1/link?code=" + userCode, 600, 1);
    }

    static Map<String, String> poll(String deviceCode) {
        return Map.of("grant_type", DEVICE_CODE_GRANT, "client_id", CLIENT, "device_code", deviceCode);
    }

    @Test
    void anApprovedDeviceGetsItsTokensAndTheNameOfItsAccount() throws Exception {
        codeAnswers.add(Reply.ok(code("dc-1", "WDJB-MJHT")));
        tokenAnswers.add(Reply.error(OAuthError.AUTHORIZATION_PENDING));
        tokenAnswers.add(Reply.ok(TOKENS));
        Instant before = Instant.now();
        var tokens = client.link("Kitchen TV", "Frame 55", "play", listener);
        Instant after = Instant.now();

        assertThat(tokens.accessToken()).isEqualTo("at-1");
        assertThat(tokens.refreshToken()).isEqualTo("rt-1");
        assertThat(tokens.scope()).isEqualTo("play offline_access");
        assertThat(tokens.linkedAccount()).isEqualTo("Alex Morgan");
        assertThat(tokens.accessTokenExpiresAt()).isBetween(before.plusSeconds(3600), after.plusSeconds(3600));
        assertThat(heard).containsExactly("code WDJB-MJHT");
        assertThat(codeRequests).containsExactly(Map.of("client_id", CLIENT, "scope", "play", "device_name", "Kitchen TV",
                "device_model", "Frame 55"));
        assertThat(polls).extracting(Poll::form).containsExactly(poll("dc-1"), poll("dc-1"));
    }

    @Test
    void slowDownMakesEveryLaterPollWaitFiveSecondsLonger() throws Exception {
        codeAnswers.add(Reply.ok(code("dc-1", "WDJB-MJHT"))); // polls every second
        tokenAnswers.add(Reply.error(OAuthError.SLOW_DOWN)); // 1 + 5
        tokenAnswers.add(Reply.error(OAuthError.AUTHORIZATION_PENDING)); // the pace stays
        tokenAnswers.add(new Reply(400, new OAuthError(OAuthError.SLOW_DOWN, null, 3), Map.of())); // never less than 6 + 5
        tokenAnswers.add(new Reply(400, new OAuthError(OAuthError.SLOW_DOWN, null, 30), Map.of())); // the server's, being more
        tokenAnswers.add(Reply.ok(TOKENS));
        var tokens = client.link("Kitchen TV", null, null, listener);

        assertThat(tokens.accessToken()).isEqualTo("at-1");
        assertThat(heard).containsExactly("code WDJB-MJHT", "slow down to 6 s", "slow down to 11 s", "slow down to 30 s");
        assertThat(polls).hasSize(5);
        // a poll waits the interval less the time since the poll before began: one loopback round trip, far below a second
        assertThat(polls.get(1).waitedBefore()).as("after the first slow_down").isGreaterThan(Duration.ofSeconds(5));
        assertThat(polls.get(2).waitedBefore()).as("the slower pace holds").isGreaterThan(Duration.ofSeconds(5));
        assertThat(polls.get(3).waitedBefore()).as("after the second").isGreaterThan(Duration.ofSeconds(10));
        assertThat(polls.get(4).waitedBefore()).as("after the server's own interval").isGreaterThan(Duration.ofSeconds(29));
    }

    @Test
    void anExpiredCodeIsSaidAndANewCodeIsShownInItsPlace() throws Exception {
        codeAnswers.add(Reply.ok(code("dc-1", "WDJB-MJHT")));
        codeAnswers.add(Reply.ok(code("dc-2", "BCDF-GHJK")));
        tokenAnswers.add(Reply.error(OAuthError.AUTHORIZATION_PENDING));
        tokenAnswers.add(Reply.error(OAuthError.EXPIRED_TOKEN));
        tokenAnswers.add(Reply.ok(TOKENS));
        var tokens = client.link("Kitchen TV", null, null, listener);

        assertThat(heard).containsExactly("code WDJB-MJHT", "code expired", "code BCDF-GHJK");
        assertThat(polls).extracting(Poll::form).containsExactly(poll("dc-1"), poll("dc-1"), poll("dc-2"));
        assertThat(codeRequests).hasSize(2);
        assertThat(tokens.accessToken()).isEqualTo("at-1");
    }

    @Test
    void waitingOnOneCodeEndsWithExpiredTokenWhenTheServerSaysItExpired() {
        tokenAnswers.add(Reply.error(OAuthError.AUTHORIZATION_PENDING));
        tokenAnswers.add(Reply.error(OAuthError.EXPIRED_TOKEN));
        assertThatThrownBy(() -> client.awaitApproval(code("dc-1", "WDJB-MJHT"), listener))
                .isInstanceOfSatisfying(DeviceClient.Refused.class, refused -> assertThat(refused.error()).isEqualTo(
                        OAuthError.EXPIRED_TOKEN));
        assertThat(polls).extracting(Poll::form).containsExactly(poll("dc-1"), poll("dc-1"));
        assertThat(heard).as("a new code is its caller's business").isEmpty();
    }

    @Test
    void aServerThatIsBrieflyUnavailableIsAskedAgainNoSoonerThanItSaid() throws Exception {
        codeAnswers.add(Reply.ok(code("dc-1", "WDJB-MJHT")));
        tokenAnswers.add(new Reply(503, new OAuthError("temporarily_unavailable", "The server cannot reach its database."),
                Map.of("Retry-After", "5")));
        tokenAnswers.add(new Reply(502, "Bad Gateway", Map.of())); // a proxy's page: no OAuth error, no Retry-After
        tokenAnswers.add(Reply.ok(TOKENS));
        var tokens = client.link("Kitchen TV", null, null, listener);

        assertThat(tokens.accessToken()).isEqualTo("at-1");
        assertThat(heard).hasSize(3).startsWith("code WDJB-MJHT", "the server answered 503, again in 5 s");
        assertThat(heard.get(2)).startsWith("the server answered 502, again in ");
        assertThat(polls).extracting(Poll::form).containsExactly(poll("dc-1"), poll("dc-1"), poll("dc-1"));
        assertThat(polls.get(1).waitedBefore()).as("the server's Retry-After").isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(polls.get(2).waitedBefore()).as("backing off: twice the interval at least").isGreaterThanOrEqualTo(
                Duration.ofSeconds(2));
    }

    @Test
    void aPersonWhoDeniesTheDeviceEndsTheFlowAsDenied() {
        codeAnswers.add(Reply.ok(code("dc-1", "WDJB-MJHT")));
        tokenAnswers.add(Reply.error(OAuthError.AUTHORIZATION_PENDING));
        tokenAnswers.add(new Reply(400, new OAuthError(OAuthError.ACCESS_DENIED, "The person denied this device."), Map.of()));
        assertThatThrownBy(() -> client.link("Kitchen TV", null, null, listener))
                .isInstanceOfSatisfying(DeviceClient.Refused.class, refused -> {
                    assertThat(refused.error()).isEqualTo(OAuthError.ACCESS_DENIED);
                    assertThat(refused.getMessage()).isEqualTo("The person denied this device.");
                });
        assertThat(heard).containsExactly("code WDJB-MJHT");
        assertThat(codeRequests).as("no new code after a denial").hasSize(1);
        assertThat(polls).hasSize(2);
    }

    // --- the scripted server

    /** Serves {@code path}; a handler that fails answers a refusal naming the failure, so the test fails with it. */
    private void serve(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (Throwable e) {
                answer(exchange, new Reply(400, new OAuthError(OAuthError.INVALID_REQUEST, "the scripted server failed: " + e), Map.of()));
            }
        });
    }

    /** The next scripted answer; past the script, a refusal that says so (the client stops, the test fails). */
    private static Reply next(Queue<Reply> answers) {
        Reply next = answers.poll();
        return next != null ? next
                : new Reply(400, new OAuthError(OAuthError.INVALID_REQUEST, "the test scripted no more answers"), Map.of());
    }

    private static void answer(HttpExchange exchange, Reply reply) throws IOException {
        boolean text = reply.body() instanceof String;
        byte[] body = reply.body() instanceof String words ? words.getBytes(StandardCharsets.UTF_8)
                : ProtocolJson.MAPPER.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", text ? "text/plain" : "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        var form = new LinkedHashMap<String, String>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
