package org.devicelink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.devicelink.tls.PinnedCertificate;

/** A test's HTTPS client for the link server, trusting exactly its certificate: raw requests, parsed answers. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String baseUrl;

    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The problem type's slug, e.g. {@code code-not-found}. */
        public String problem() {
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf(':') + 1);
        }

        public String oauthError() {
            return json().path("error").asText();
        }
    }

    public Http(String baseUrl, Path certificate) {
        this.baseUrl = baseUrl;
        try {
            SSLContext tls = certificate == null ? null : PinnedCertificate.trusting(certificate);
            var builder = HttpClient.newBuilder();
            if (tls != null) {
                builder.sslContext(tls);
            }
            this.client = builder.build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response form(String path, Map<String, String> params) {
        return form(path, params, Map.of());
    }

    public Response form(String path, Map<String, String> params, Map<String, String> headers) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path, String token) {
        return send(authorized(path, token).GET());
    }

    public Response post(String path, String token, String json) {
        return send(authorized(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String token, String json) {
        return send(authorized(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String token) {
        return send(authorized(path, token).DELETE());
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/v1/events} as the companion opens it: the answer once its headers are in, its lines as they come. */
    public HttpResponse<Stream<String>> events(String token) {
        try {
            return client.send(authorized("/api/v1/events", token).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path));
    }

    private HttpRequest.Builder authorized(String path, String token) {
        var builder = request(path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
