package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.devicelink.server.management.ManagementRoutes;
import org.devicelink.testing.Databases;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.ScriptedBrowser;
import org.devicelink.testing.WebFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What an operator sees of a node: health and readiness on the management port (and nothing else there), Prometheus
 * metrics that move with the work, the dashboard's every metric present, and logs that hold no code, token or cookie.
 */
class ManagementTest {

    static final String CONSOLE = "demo-console";

    @TempDir
    Path dir;
    LinkServerFixture fixture;
    final HttpClient plain = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    HttpResponse<String> management(String path) {
        try {
            return plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.server().managementPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void healthAndMetricsLiveOnTheManagementPortAlone() throws Exception {
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of());
        assertThat(management(ManagementRoutes.LIVE).statusCode()).isEqualTo(200);
        var ready = management(ManagementRoutes.READY);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(ready.body()).path("checks").path("database").asText()).isEqualTo("UP");
        assertThat(management("/link").statusCode()).as("the management port serves nothing else").isEqualTo(404);
        assertThat(fixture.http().get(ManagementRoutes.METRICS, null).status()).as("nor the public port metrics").isEqualTo(404);
        assertThat(fixture.http().get(ManagementRoutes.READY, null).status()).isEqualTo(404);
    }

    @Test
    void theCountersMoveWithTheWorkAndTheDashboardsMetricsExist() throws Exception {
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of());
        String alex = fixture.issuer.token("alex", "Alex");
        double linkedBefore = value(management(ManagementRoutes.METRICS).body(), "devicelink_activity_total\\{kind=\"linked\"");
        var device = fixture.device(CONSOLE);
        var code = device.requestCode("TV", null, null);
        assertThat(fixture.http().post("/api/v1/links/" + code.userCode() + "/approve", alex, "{}").status()).isEqualTo(200);
        var tokens = WebFlows.tokens(device, code);
        device.refresh(tokens.refreshToken());

        String scrape = management(ManagementRoutes.METRICS).body();
        assertThat(value(scrape, "devicelink_activity_total\\{kind=\"linked\"")).isEqualTo(linkedBefore + 1);
        assertThat(value(scrape, "devicelink_device_authorizations_total\\{outcome=\"issued\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "devicelink_token_grants_total\\{grant=\"refresh\",status=\"200\"")).isEqualTo(1);
        assertThat(scrape).contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/links/{code}/approve\"")
                .as("routes, never paths: a path may hold a code").doesNotContain(code.userCode());
        assertThat(value(scrape, "devicelink_group_commit_wait_seconds_count")).isPositive();

        var dashboard = new ObjectMapper().readTree(Files.readString(Path.of("packaging/server/grafana-dashboard.json")));
        var charted = new TreeSet<String>();
        var metric = Pattern.compile("\\b((?:devicelink|http_server|hikaricp|jvm|process)_[a-z_]+)");
        for (JsonNode expr : dashboard.findValues("expr")) {
            metric.matcher(expr.asText()).results().forEach(m -> charted.add(m.group(1)));
        }
        assertThat(charted).hasSizeGreaterThan(10);
        // a panel's series exists once something happened: a 429, for the limiter's
        for (int i = 0; i < 12; i++) {
            fixture.http().get("/api/v1/links/BCDF-GHJ" + "KLMNPQRSTV".charAt(i % 10), alex);
        }
        String after = management(ManagementRoutes.METRICS).body();
        assertThat(charted).allSatisfy(name -> assertThat(after).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    void readinessTurnsTo503AsSoonAsAStopBegins() {
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of("shutdown.delay", "3"));
        assertThat(management(ManagementRoutes.READY).statusCode()).isEqualTo(200);
        var stopping = CompletableFuture.runAsync(() -> fixture.server().close());
        var draining = Eventually.until(() -> management(ManagementRoutes.READY), r -> r.statusCode() != 200);
        assertThat(draining.statusCode()).isEqualTo(503);
        assertThat(draining.body()).contains("the node is stopping");
        assertThat(fixture.http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE)).status())
                .as("it still serves while load balancers drain it").isEqualTo(200);
        stopping.join();
        fixture = null;
    }

    /** The access log and every other line, through a whole flow with the page's cookies: no code, token or cookie. */
    @Test
    void noCodeTokenOrCookieReachesAnyLogLine() throws Exception {
        var lines = new ListAppender<ILoggingEvent>();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        lines.start();
        root.addAppender(lines);
        try {
            fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of("log.access", "true"));
            var device = fixture.device(CONSOLE);
            var code = device.requestCode("TV", null, null);
            var browser = new ScriptedBrowser(fixture.server().certificateFile());
            var signIn = WebFlows.follow(browser, browser.open(URI.create(code.verificationUriComplete())));
            var login = WebFlows.follow(browser, browser.open(signIn.uri().resolve("/link/signin")));
            var confirm = WebFlows.follow(browser, browser.submit(login, "alex", "link-demo", "signin"));
            var fields = new HashMap<>(confirm.hiddenFields());
            fields.put("action", "approve");
            browser.post(confirm.uri().resolve("/link/decide"), fields);
            var tokens = WebFlows.tokens(device, code);
            var rotated = device.refresh(tokens.refreshToken());
            fixture.http().form("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", CONSOLE, "refresh_token",
                    tokens.refreshToken())); // a reused one: refused, and logged as such
            fixture.close();
            fixture = null;

            var secrets = new ArrayList<>(List.of(code.userCode(), code.userCode().replace("-", ""), code.deviceCode(),
                    tokens.accessToken(), tokens.refreshToken(), rotated.refreshToken(), fields.get("csrf")));
            var said = lines.list.stream().map(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? ""
                    : e.getThrowableProxy().getMessage())).toList();
            assertThat(said).as("the access log was on").anyMatch(line -> line.contains("/link/decide"));
            assertThat(said).allSatisfy(line -> assertThat(secrets).noneMatch(secret -> secret != null && line.contains(secret)));
            assertThat(said).noneMatch(line -> line.contains("Cookie") || line.contains("Bearer "));
        } finally {
            root.detachAppender(lines);
        }
    }

    private static double value(String scrape, String seriesStart) {
        var line = Pattern.compile("(?m)^" + seriesStart + "[^\\n]*\\s([0-9.eE+-]+)$").matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
