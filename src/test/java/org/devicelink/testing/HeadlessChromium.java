package org.devicelink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over its DevTools protocol: a real browser engine with its own trust store, which
 * knows nothing of our certificates. It shows what a person's browser would, certificate interstitials included.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** What a page shows: its address and title, and whether it is Chromium's certificate warning. */
    public record Shown(String url, String title, String text) {
        public boolean certificateWarning() {
            return url.startsWith("chrome-error:") || title.contains("Privacy error") || text.contains("NET::ERR_CERT");
        }
    }

    public HeadlessChromium(Path profile) throws Exception {
        Files.createDirectories(profile);
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=900,760", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path activePort = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(activePort) || Files.readAllLines(activePort).size() < 2) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IOException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(activePort).getFirst().strip());
        var http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).join();
        call("Page.enable", Map.of());
    }

    /** Opens {@code url} and waits until the page has loaded (or Chromium has shown its own error page). */
    public Shown open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        return settle();
    }

    /**
     * Runs {@code script} in the page and waits until a page showing {@code awaited} has loaded, failing after 15 s. It waits
     * for the text, not for a load: a sign-in passes through pages (the password check, an auto-posting form) that
     * are each "complete" for a moment.
     */
    public Shown run(String script, String awaited) throws Exception {
        call("Runtime.evaluate", Map.of("expression", script));
        Instant deadline = Instant.now().plusSeconds(15);
        Shown shown = settle();
        while (!shown.text().contains(awaited) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            shown = settle();
        }
        if (!shown.text().contains(awaited)) {
            throw new AssertionError("no page showed \"" + awaited + "\" within 15 s; at " + shown.url() + ": " + shown.text());
        }
        return shown;
    }

    public Shown shown() throws Exception {
        JsonNode value = call("Runtime.evaluate", Map.of("expression",
                "JSON.stringify([location.href, document.title, document.body ? document.body.innerText : ''])", "returnByValue", true))
                .path("result").path("value");
        JsonNode parts = JSON.readTree(value.asText("[\"\",\"\",\"\"]"));
        return new Shown(parts.get(0).asText(), parts.get(1).asText(), parts.get(2).asText());
    }

    public void screenshot(Path file) throws Exception {
        String png = call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /**
     * Shows pages as a screen of this size does ({@code mobile}: a phone's viewport and touch), in the light or dark
     * scheme the person chose.
     */
    public void emulate(int width, int height, boolean mobile, boolean dark) throws Exception {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        call("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark"
                : "light"))));
    }

    /** The value of a script's expression in the page, as text. */
    public String evaluate(String expression) throws Exception {
        return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true)).path("result").path("value").asText();
    }

    /**
     * What axe-core finds against WCAG 2.1 A and AA on the page as shown, one "rule (impact): element" line each.
     *
     * @param axe axe-core's {@code axe.min.js}, put into the page (once per page) through the DevTools protocol
     */
    public List<String> accessibilityViolations(Path axe) throws Exception {
        if (!"object".equals(evaluate("typeof axe"))) {
            call("Runtime.evaluate", Map.of("expression", Files.readString(axe)));
        }
        String audit = "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => JSON.stringify(r.violations.flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): '"
                + " + n.target.join(' ') + ' ' + n.failureSummary.replace(/\\s+/g, ' ')))))";
        JsonNode found = call("Runtime.evaluate", Map.of("expression", audit, "awaitPromise", true, "returnByValue", true))
                .path("result").path("value");
        var violations = new ArrayList<String>();
        JSON.readTree(found.asText("[]")).forEach(v -> violations.add(v.asText()));
        return violations;
    }

    /**
     * Waits until the page has loaded. A question asked while the page navigates (a redirect, an auto-posting form) is
     * refused by Chromium ("Inspected target navigated or closed": its context went away): it is asked again of the
     * next page, rather than failing the test one run in many.
     */
    private Shown settle() throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode state = call("Runtime.evaluate", Map.of("expression", "document.readyState", "returnByValue", true));
                if ("complete".equals(state.path("result").path("value").asText())) {
                    return shown();
                }
            } catch (IOException navigating) {
                if (!navigating.getMessage().contains("-32000")) {
                    throw navigating;
                }
            }
            Thread.sleep(100);
        }
        return shown();
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        var answer = new CompletableFuture<JsonNode>();
        waiting.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).join();
        JsonNode reply = answer.get(20, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IOException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    var answer = message.has("id") ? waiting.remove(message.get("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException e) {
                    // not one of our answers
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
