package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.devicelink.testing.Http;
import org.devicelink.testing.PackagedServer;
import org.devicelink.testing.RawHttp;
import org.devicelink.testing.ScriptedBrowser;
import org.devicelink.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded generator of malformed requests (methods, paths, headers, content types, bodies, framings, encodings)
 * sent as raw bytes over TLS to every endpoint of the packaged server on its embedded default. Every one is sent, and
 * every one must be answered: a 5xx, a hang (no answer in 5 s) or a connection closed without an answer fails at
 * once. The server may log no error, and it must serve normally afterwards.
 */
class FuzzIT {

    static final long SEED = 20261201L;
    static final int REQUESTS = 3000;

    @TempDir
    Path dir;

    static final List<String> ENDPOINTS = List.of("/.well-known/oauth-authorization-server", "/oauth2/device_authorization",
            "/oauth2/token", "/oauth2/revoke", "/oauth2/jwks", "/link", "/link?code=WDJB-MJHT", "/api/v1/links/WDJB-MJHT",
            "/api/v1/links/WDJB-MJHT/approve", "/api/v1/links/WDJB-MJHT/deny", "/api/v1/devices",
            "/api/v1/devices/3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b", "/api/v1/devices?member=all",
            "/api/v1/devices?member=3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b", "/api/v1/family/members", "/api/v1/family/requests",
            "/api/v1/family/requests/3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b",
                    "/api/v1/family/requests/3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b/approve",
            "/api/v1/family/requests/3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b/deny", "/api/v1/events", "/api/v1/me", "/api/v1/activity",
                    "/api/v1/support/codes/WDJB-MJHT",
            "/api/v1/support/accounts/3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b/devices", "/idp/.well-known/openid-configuration",
            "/idp/oauth2/v2.0/authorize", "/idp/oauth2/v2.0/token", "/idp/discovery/v2.0/keys",
            "/link/code", "/link/decide", "/link/signin", "/link/callback?code=abc&state=def", "/link/callback?error=access_denied&state=x",
            "/link/another", "/link/page.js", "/link/signout", "/link/requests/3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b",
            "/link/requests/not-a-uuid", "/link/requests/3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b/decide",
            "/link/unwanted", "/link/unwanted?n=3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b.00112233445566778899aabbccddeeff",
            "/link/sign-out-all", "/api/v1/devices/sign-out-all", "/api/v1/devices/sign-out-all?member=all",
            "/api/v1/settings/linking", "/api/v1/settings/linking?member=3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b",
            "/health/live", "/health/ready", "/metrics");

    /** A real sign-in on the approval page: its session cookie and its CSRF token, so that fuzzed forms get past the door. */
    record WebSession(String cookie, String csrf) {
        static WebSession signIn(String base, Path certificate) {
            var browser = new ScriptedBrowser(certificate);
            var start = browser.open(URI.create(base + "/link/signin"));
            var login = browser.open(start.uri().resolve(start.raw().headers().firstValue("Location").orElseThrow()));
            var back = browser.submit(login, "alex", "link-demo", "signin");
            var callback = browser.open(back.uri().resolve(back.raw().headers().firstValue("Location").orElseThrow()));
            String cookie = callback.raw().headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("__Host-devicelink-session="))
                    .findFirst().orElseThrow().split(";")[0];
            return new WebSession(cookie, browser.open(URI.create(base + "/link")).hiddenFields().get("csrf"));
        }
    }

    /** One request: its bytes, and its shape (which kinds of method, path, headers and body it is made of). */
    record Fuzzed(byte[] bytes, String shape) {}

    @Test
    void thousandsOfMalformedRequestsAreAnsweredFourHundredAndTheServerCarriesOn() throws Exception {
        try (var issuer = new TestIssuer()) {
            List<String> arguments = new ArrayList<>(List.of("server", "--data-dir", dir.resolve("data").toString(), "--port", "0",
                    "--set", "management.port=0"));
            issuer.trustSettings().forEach((k, v) -> arguments.addAll(List.of("--set", k + "=" + v)));
            try (var server = PackagedServer.run(arguments)) {
                String base = server.await(Pattern.compile("link server on (https://localhost:\\d+)"));
                String management = server.await(Pattern.compile("Health and metrics at (http://[^/\\s]+)/"));
                Path certificate = dir.resolve("data/tls/server.pem");
                String token = issuer.token("fuzz-subject", "Fuzz");
                var web = WebSession.signIn(base, certificate);
                var random = new Random(SEED);
                var statuses = new TreeMap<Integer, Integer>();
                var shapes = new HashSet<String>();
                var fiveHundreds = new ArrayList<String>();
                var slowest = new ArrayList<Map.Entry<Long, String>>();
                int sent = 0;
                for (; sent < REQUESTS; sent++) {
                    // a fifth to the management listener (plain HTTP, its three routes among the same paths)
                    boolean toManagement = random.nextInt(5) == 0;
                    Fuzzed request = fuzz(random, token, web);
                    shapes.add(request.shape());
                    int status;
                    long began = System.nanoTime();
                    try (var raw = toManagement ? new RawHttp(management, null) : new RawHttp(base, certificate)) {
                        status = raw.timeout(Duration.ofSeconds(5)).expectingHeadOnly(request.shape().startsWith("HEAD|"))
                                .send(request.bytes()).answer().status();
                    } catch (IOException e) { // a reset, a close without a word, or no answer within the timeout
                        throw new AssertionError("request " + sent + " (" + request.shape() + ") got no answer: " + e + "\n"
                                + new String(request.bytes(), 0, Math.min(300, request.bytes().length), StandardCharsets.ISO_8859_1), e);
                    }
                    statuses.merge(status, 1, Integer::sum);
                    slowest.add(Map.entry((System.nanoTime() - began) / 1_000_000, request.shape()));
                    if (status >= 500) {
                        fiveHundreds.add(status + (toManagement ? " management " : " ") + request.shape() + ": "
                                + new String(request.bytes(), 0, Math.min(300, request.bytes().length), StandardCharsets.ISO_8859_1));
                    }
                }
                var http = new Http(base, certificate);
                int afterwards = http.form("/oauth2/device_authorization", Map.of("client_id", "demo-console")).status();
                String log = server.text();
                String report = "fuzz: " + sent + " requests, " + shapes.size() + " distinct shapes, answers by status " + statuses
                        + ", 5xx " + fiveHundreds.size();
                slowest.sort(Map.Entry.<Long, String>comparingByKey().reversed());
                report += "\nslowest (ms): " + slowest.subList(0, Math.min(15, slowest.size()));
                System.out.println(report);
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "fuzz-report.txt"), report + "\n" + String.join("\n", fiveHundreds) + "\n");

                assertThat(fiveHundreds).as(report).isEmpty();
                assertThat(log).as("the server's log").doesNotContain("ERROR").doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(afterwards).as("a device asks for a code afterwards").isEqualTo(200);
                assertThat(http.get("/.well-known/oauth-authorization-server", null).status()).isEqualTo(200);
                assertThat(new Http(management, null).get("/health/ready", null).status()).as("the management listener too").isEqualTo(200);
                assertThat(shapes.size()).as("distinct shapes").isGreaterThan(1000);
            }
        }
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    static Fuzzed fuzz(Random r, String token, WebSession web) {
        var shape = new StringBuilder();
        // the method
        String method = pick(r, List.of("GET", "GET", "POST", "POST", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS", "TRACE",
                "CONNECT", "G\u00C9T", "POST ", "", "PROPFIND", "get"));
        shape.append(method.isBlank() ? "empty-method" : method.strip().length() < method.length() ? "spaced-method" : method).append('|');
        // the path, often broken
        String path = pick(r, ENDPOINTS);
        shape.append(ENDPOINTS.indexOf(path)).append('|');
        String mutation = pick(r, List.of("as-is", "as-is", "as-is", "slash", "dots", "encoded-dots", "nul", "bad-percent", "junk-query",
                "double-slash", "raw-unicode", "long", "upper", "no-leading-slash", "repeated-code"));
        shape.append(mutation).append('|');
        path = switch (mutation) {
            case "slash" -> path + "/";
            case "dots" -> path + "/../../etc/passwd";
            case "encoded-dots" -> path + "/%2e%2e/%2e%2e/";
            case "nul" -> path + "%00";
            case "bad-percent" -> path + "%zz%G1%";
            case "junk-query" -> path + (path.contains("?") ? "&" : "?") + "code=%FF%FE&x=" + "y".repeat(r.nextInt(50));
            case "double-slash" -> "/" + path;
            case "raw-unicode" -> path + "/\u00FC\u4E2D";
            case "long" -> path + "/" + "a".repeat(1000 + r.nextInt(3000));
            case "upper" -> path.toUpperCase();
            case "no-leading-slash" -> path.substring(1);
            case "repeated-code" -> path + (path.contains("?") ? "&" : "?") + "code=BCDF-GHJK&code=LMNP-QRST";
            default -> path;
        };
        // the body
        String bodyKind = pick(r, List.of("none", "form", "form", "repeated-form", "broken-percent", "bad-utf8", "json", "json-garbage",
                "json-deep", "json-huge-number", "json-array", "json-null", "big", "random-bytes", "web-form", "web-form"));
        shape.append(bodyKind).append('|');
        byte[] body = switch (bodyKind) {
            case "form" -> ("client_id=" + pick(r, List.of("demo-console", "demo-tv", "nobody", "", "%00"))
                    + "&grant_type=" + pick(r, List.of("urn:ietf:params:oauth:grant-type:device_code", "refresh_token",
                    "authorization_code",
                    "password", "")) + "&device_code=" + "x".repeat(r.nextInt(200)) + "&refresh_token=abc&token="
                            + "t".repeat(r.nextInt(5000))
                    + "&device_name=" + pick(r, List.of("TV", "%E2%80%AEevil", "%07", "n".repeat(100)))).getBytes(StandardCharsets.UTF_8);
            case "web-form" -> ("csrf=" + pick(r, List.of(web.csrf(), web.csrf(), "", "forged", "%00"))
                    + "&code=" + pick(r, List.of("WDJB-MJHT", "wdjb mjht", "WDJB-MJH0", "", "%E2%80%AE", "c".repeat(200), "BCDFGHJK"))
                    + "&action=" + pick(r, List.of("approve", "deny", "report", "decline", "", "nuke"))
                    + "&account=" + pick(r, List.of("me", "someone", "3f2b8c1e-6a7d-4e2f-9b1a-0c5d8e7f6a4b", "", "a".repeat(500))))
                    .getBytes(StandardCharsets.UTF_8);
            case "repeated-form" -> "client_id=demo-console&client_id=demo-tv&scope=play&scope=watch".getBytes(StandardCharsets.UTF_8);
            case "broken-percent" -> "client_id=%G1%%&grant_type=%".getBytes(StandardCharsets.UTF_8);
            case "bad-utf8" -> new byte[] {'n', 'a', 'm', 'e', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
            case "json" -> pick(r, List.of("{\"account\":\"me\"}", "{\"account\":\"someone\"}", "{\"report\":true}", "{\"report\":\"yes\"}",
                    "{\"name\":\"Bedroom TV\"}", "{\"name\":\"\\u202Eevil\"}", "{\"name\":12}")).getBytes(StandardCharsets.UTF_8);
            case "json-garbage" -> "{\"account\": me, }".getBytes(StandardCharsets.UTF_8);
            case "json-deep" -> ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            case "json-huge-number" ->
                    "{\"report\":1e999999999, \"name\": 123456789012345678901234567890}".getBytes(StandardCharsets.UTF_8);
            case "json-array" -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            case "json-null" -> "null".getBytes(StandardCharsets.UTF_8);
            case "big" -> "a=".concat("b".repeat(17_000 + r.nextInt(4000))).getBytes(StandardCharsets.UTF_8);
            case "random-bytes" -> {
                var bytes = new byte[r.nextInt(500)];
                r.nextBytes(bytes);
                yield bytes;
            }
            default -> new byte[0];
        };
        // the headers
        var headers = new StringBuilder("Connection: close\r\n"); // one request a connection: answers never wait on the next
        if (r.nextInt(10) > 0) {
            headers.append("Host: localhost\r\n");
        }
        String contentType = pick(r, List.of("none", "form", "form-utf8", "form-bogus-charset", "form-empty-charset", "form-at-charset",
                "json", "json-latin1", "text", "multipart", "empty", "triple-semicolon", "percent", "problem-json"));
        shape.append(contentType).append('|');
        String typeHeader = switch (contentType) {
            case "form" -> "application/x-www-form-urlencoded";
            case "form-utf8" -> "application/x-www-form-urlencoded; charset=UTF-8";
            case "form-bogus-charset" -> "application/x-www-form-urlencoded; charset=bogus-42";
            case "form-empty-charset" -> "application/x-www-form-urlencoded; charset=";
            case "form-at-charset" -> "application/x-www-form-urlencoded; charset=@@@";
            case "json" -> "application/json";
            case "json-latin1" -> "application/json; charset=ISO-8859-1";
            case "text" -> "text/plain";
            case "multipart" -> "multipart/form-data";
            case "empty" -> "";
            case "triple-semicolon" -> "application/x-www-form-urlencoded;;;";
            case "percent" -> "%%/%%";
            case "problem-json" -> "application/problem+json; charset=\"utf-8\"";
            default -> null;
        };
        if (typeHeader != null) {
            headers.append("Content-Type: ").append(typeHeader).append("\r\n");
        }
        String authorization = pick(r, List.of("none", "none", "valid", "junk", "empty-bearer", "basic", "long", "two-dots",
                "alg-none"));
        shape.append(authorization).append('|');
        switch (authorization) {
            case "valid" -> headers.append("Authorization: Bearer ").append(token).append("\r\n");
            case "junk" -> headers.append("Authorization: Bearer not-a-token\r\n");
            case "empty-bearer" -> headers.append("Authorization: Bearer \r\n");
            case "basic" -> headers.append("Authorization: Basic YWxleDpsaW5rLWRlbW8=\r\n");
            case "long" -> headers.append("Authorization: Bearer ").append("A".repeat(7000)).append("\r\n");
            case "two-dots" -> headers.append("Authorization: Bearer a.b.c\r\n");
            case "alg-none" -> headers.append("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiaXNzIjoieCJ9.\r\n");
            default -> { }
        }
        String extra = pick(r, List.of("none", "none", "forwarded-junk", "no-colon", "obs-fold", "expect", "duplicate-length",
                "junk-accept", "cookie-junk", "te-gzip", "web-session", "web-session", "web-cookies-junk"));
        shape.append(extra).append('|');
        switch (extra) {
            case "forwarded-junk" -> headers.append("X-Forwarded-For: ").append(pick(r, List.of("::::", "999.1.1.1", "a".repeat(2000),
                    "10.0.0.1, , ,"))).append("\r\n");
            case "no-colon" -> headers.append("ThisIsNotAHeader\r\n");
            case "obs-fold" -> headers.append("X-Folded: first\r\n second\r\n");
            case "expect" -> headers.append("Expect: 100-continue\r\n");
            case "duplicate-length" -> headers.append("Content-Length: 3\r\n");
            case "junk-accept" -> headers.append("Accept: */*;q=oops, text/html;;\r\n");
            case "cookie-junk" -> headers.append("Cookie: __Host-devicelink-csrf=; ;=; a\u0001b\r\n");
            case "te-gzip" -> headers.append("Transfer-Encoding: gzip\r\n");
            case "web-session" -> headers.append("Cookie: ").append(web.cookie()).append(pick(r, List.of("",
                    "; __Host-devicelink-code=WDJBMJHT",
                    "; __Host-devicelink-code=" + "Z".repeat(300)))).append("\r\n");
            case "web-cookies-junk" -> headers.append("Cookie: __Host-devicelink-session=").append("s".repeat(r.nextInt(400)))
                    .append("; __Host-devicelink-signin=a~b~99999999999~c; __Host-devicelink-code=%00\r\n");
            default -> { }
        }
        // the framing of the body
        String framing = body.length == 0 ? "no-body" : pick(r, List.of("length", "length", "short-length", "chunked", "broken-chunked"));
        shape.append(framing);
        var out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(headers.toString().getBytes(StandardCharsets.UTF_8));
        switch (framing) {
            case "length" -> {
                out.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(body);
            }
            case "short-length" -> {
                out.writeBytes(("Content-Length: " + body.length / 2 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(body);
            }
            case "chunked" -> {
                out.writeBytes("Transfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(body);
                out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case "broken-chunked" -> {
                out.writeBytes("Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            default -> out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return new Fuzzed(out.toByteArray(), shape.toString());
    }
}
