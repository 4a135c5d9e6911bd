package org.devicelink.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.ProtocolJson;
import org.devicelink.protocol.TokenResponse;

/**
 * The device side of RFC 8628, small enough to port: ask for a code, poll at the server's pace (5 s more after each
 * {@code slow_down}), back off while the network is down, start over when the code expires, refresh with rotation,
 * and notice when the device has been unlinked. Endpoints come from the server's RFC 8414 metadata.
 */
public final class DeviceClient {

    /** What the device is told as the flow goes on; every method is optional. */
    public interface Listener {
        default void onCode(DeviceAuthorization code) {}

        default void onSlowDown(int newIntervalSeconds) {}

        default void onConnectionProblem(String problem, Duration retryIn) {}

        default void onCodeExpired() {}
    }

    /** How the client waits; tests and simulators may pass their own. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The tokens of a linked device. */
    public record Tokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt, String scope, String linkedAccount) {
        static Tokens of(TokenResponse response, Instant now) {
            return new Tokens(response.accessToken(), response.refreshToken(), now.plusSeconds(response.expiresIn()),
                    response.scope(), response.linkedAccount());
        }
    }

    /** The server said no for good: denied, unlinked, unknown client. {@code error} is the OAuth error code. */
    public static final class Refused extends Exception {
        private final String error;

        public Refused(String error, String description) {
            super(description == null || description.isBlank() ? error : description);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    private static final ObjectMapper JSON = ProtocolJson.MAPPER;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI server;
    private final String clientId;
    private final HttpClient http;
    private final Sleeper sleeper;
    private Endpoints endpoints;

    /** @param pollWait the most seconds the server holds a poll for its code's decision; 0 when it never does */
    private record Endpoints(URI deviceAuthorization, URI token, URI revocation, long pollWait) {}

    public DeviceClient(URI server, String clientId, SSLContext tls, Sleeper sleeper) {
        this.server = server;
        this.clientId = clientId;
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.sleeper = sleeper;
    }

    public DeviceClient(URI server, String clientId, SSLContext tls) {
        this(server, clientId, tls, duration -> Thread.sleep(duration));
    }

    /** RFC 8628 §3.1: asks for a code. */
    public DeviceAuthorization requestCode(String deviceName, String deviceModel, String scope) throws IOException, Refused {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        putIfPresent(form, "scope", scope);
        putIfPresent(form, "device_name", deviceName);
        putIfPresent(form, "device_model", deviceModel);
        HttpResponse<String> response = post(endpoints().deviceAuthorization(), form);
        if (response.statusCode() != 200) {
            var error = error(response);
            throw new Refused(error.error(), error.errorDescription());
        }
        return JSON.readValue(response.body(), DeviceAuthorization.class);
    }

    /**
     * Links the device: shows a code through the listener and polls until a person approves. When the code expires
     * a new one is requested and shown. Returns the tokens, or throws {@link Refused} when the person denied.
     */
    public Tokens link(String deviceName, String deviceModel, String scope, Listener listener)
            throws IOException, Refused, InterruptedException {
        while (true) {
            DeviceAuthorization code = withRetries(() -> requestCode(deviceName, deviceModel, scope), listener);
            listener.onCode(code);
            try {
                return awaitApproval(code, listener);
            } catch (Refused refused) {
                if (!OAuthError.EXPIRED_TOKEN.equals(refused.error())) {
                    throw refused;
                }
                listener.onCodeExpired();
            }
        }
    }

    /**
     * RFC 8628 §3.4–3.5: polls until approval; throws {@link Refused} on {@code access_denied} or {@code expired_token}.
     * Polls start at least the interval apart. Where the server advertises held polls, each poll asks to wait for the
     * decision ({@code Prefer: wait=N}), and the first poll goes at once. A held poll whose code is approved answers
     * {@code 307}: the next poll goes at once and collects the tokens, so they arrive the moment the person approves.
     */
    public Tokens awaitApproval(DeviceAuthorization code, Listener listener) throws IOException, Refused, InterruptedException {
        int interval = Math.max(1, code.interval());
        Instant expiresAt = Instant.now().plusSeconds(code.expiresIn());
        Duration backoff = Duration.ofSeconds(interval);
        long wait = endpoints().pollWait();
        Instant lastPoll = wait > 0 ? null : Instant.now();
        boolean askedAgain = false;
        while (true) {
            if (lastPoll != null) {
                Duration sinceLast = Duration.between(lastPoll, Instant.now());
                Duration rest = Duration.ofSeconds(interval).minus(sinceLast);
                if (rest.isPositive()) {
                    sleeper.sleep(rest);
                }
            }
            lastPoll = Instant.now();
            HttpResponse<String> response;
            try {
                response = post(endpoints().token(), Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                        "client_id", clientId, "device_code", code.deviceCode()), wait);
            } catch (IOException e) {
                if (Instant.now().isAfter(expiresAt)) {
                    throw new Refused(OAuthError.EXPIRED_TOKEN, "The code expired while the server was unreachable.");
                }
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                listener.onConnectionProblem(describe(e), backoff);
                sleeper.sleep(backoff);
                continue;
            }
            backoff = Duration.ofSeconds(interval);
            if (response.statusCode() == 200) {
                return Tokens.of(JSON.readValue(response.body(), TokenResponse.class), Instant.now());
            }
            if (response.statusCode() == 307 && !askedAgain) { // a held poll whose code was approved: collect at once
                askedAgain = true;
                lastPoll = null;
                continue;
            }
            askedAgain = false; // so a server that kept answering 307 would still be polled at the interval
            OAuthError error = error(response);
            switch (String.valueOf(error.error())) {
                case OAuthError.AUTHORIZATION_PENDING -> { }
                case OAuthError.SLOW_DOWN -> {
                    interval = error.interval() != null ? Math.max(error.interval(), interval + 5) : interval + 5;
                    listener.onSlowDown(interval);
                }
                default -> {
                    if (response.statusCode() >= 500) {
                        backoff = min(max(backoff.multipliedBy(2), retryAfter(response)), MAX_BACKOFF);
                        listener.onConnectionProblem("the server answered " + response.statusCode(), backoff);
                        sleeper.sleep(backoff);
                    } else {
                        throw new Refused(error.error(), error.errorDescription());
                    }
                }
            }
        }
    }

    /**
     * Trades the refresh token for new tokens (the old one is used up). {@link Refused} with {@code invalid_grant}
     * means the device is no longer linked: show a new code.
     */
    public Tokens refresh(String refreshToken) throws IOException, Refused {
        HttpResponse<String> response = post(endpoints().token(),
                Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
        if (response.statusCode() == 200) {
            return Tokens.of(JSON.readValue(response.body(), TokenResponse.class), Instant.now());
        }
        OAuthError error = error(response);
        if (response.statusCode() >= 500) {
            throw new IOException("The server failed (" + response.statusCode() + "): " + error.errorDescription());
        }
        throw new Refused(error.error(), error.errorDescription());
    }

    /** RFC 7009: the device signs out; its link ends. */
    public void signOut(String refreshToken) throws IOException, Refused {
        HttpResponse<String> response = post(endpoints().revocation(),
                Map.of("client_id", clientId, "token", refreshToken, "token_type_hint", "refresh_token"));
        if (response.statusCode() != 200) {
            OAuthError error = error(response);
            throw new Refused(error.error(), error.errorDescription());
        }
    }

    private Endpoints endpoints() throws IOException {
        if (endpoints == null) {
            var request = HttpRequest.newBuilder(server.resolve("/.well-known/oauth-authorization-server"))
                    .timeout(REQUEST_TIMEOUT).GET().build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new IOException("The server at " + server + " has no OAuth metadata (HTTP " + response.statusCode()
                        + "): is this a DeviceLink server?");
            }
            JsonNode metadata = JSON.readTree(response.body());
            endpoints = new Endpoints(URI.create(metadata.path("device_authorization_endpoint").asText()),
                    URI.create(metadata.path("token_endpoint").asText()), URI.create(metadata.path("revocation_endpoint").asText()),
                    Math.clamp(metadata.path(DeviceAuthorization.POLL_WAIT_METADATA).asLong(0), 0, 60));
        }
        return endpoints;
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException {
        return post(uri, form, 0);
    }

    /** @param wait seconds the server may hold the request for a decision (RFC 7240 {@code Prefer: wait}); 0: none */
    private HttpResponse<String> post(URI uri, Map<String, String> form, long wait) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT.plusSeconds(wait))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", "DeviceLink-DeviceKit/1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (wait > 0) {
            request.header("Prefer", "wait=" + wait);
        }
        return send(request.build());
    }

    /** The server's Retry-After in seconds (a 503 while its database is out of reach), or zero. */
    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,5}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(Duration.ZERO);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static OAuthError error(HttpResponse<String> response) {
        try {
            OAuthError error = JSON.readValue(response.body(), OAuthError.class);
            if (error.error() != null) {
                return error;
            }
        } catch (IOException ignored) {
            // not an OAuth error body: described below by its status
        }
        return new OAuthError("http_" + response.statusCode(), "The server answered HTTP " + response.statusCode() + ".");
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, Refused;
    }

    /** Retries a call while the server is unreachable, backing off up to a minute between tries. */
    private <T> T withRetries(Call<T> call, Listener listener) throws Refused, InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                return call.run();
            } catch (IOException e) {
                listener.onConnectionProblem(describe(e), backoff);
                sleeper.sleep(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return "cannot reach the server" + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void putIfPresent(Map<String, String> form, String key, String value) {
        if (value != null && !value.isBlank()) {
            form.put(key, value);
        }
    }
}
