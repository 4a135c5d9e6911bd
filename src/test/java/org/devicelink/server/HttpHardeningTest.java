package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.devicelink.platform.OwnerOnly;
import org.devicelink.protocol.Role;
import org.devicelink.testing.Databases;
import org.devicelink.testing.Http;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.ListeningSockets;
import org.devicelink.testing.LoginPages;
import org.devicelink.testing.RawHttp;
import org.devicelink.testing.ScriptedBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security review's findings on the HTTP side and at rest, each kept closed by the test named after it. */
class HttpHardeningTest {

    static final String CONSOLE = "demo-console";

    @TempDir
    Path dir;
    LinkServerFixture fixture;

    LinkServerFixture server(Map<String, String> settings) {
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("data"), settings);
        return fixture;
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    Http http() {
        return fixture.http();
    }

    @Test
    void finding1_theDataFolderAndEveryFileInItAreForTheirOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        // as an older DeviceLink left it: a folder and a file anyone may read
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(data.resolve("server.properties"), "code.interval=1\n");
        Files.setPosixFilePermissions(data.resolve("server.properties"), PosixFilePermissions.fromString("rw-r--r--"));
        server(Map.of());
        var linked = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE)); // a write, for the database files
        assertThat(linked.status()).isEqualTo(200);
        try (Stream<Path> all = Files.walk(data)) {
            for (Path path : all.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(data.relativize(path).toString())
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
        assertThat(data.resolve("devicelink.mv.db")).exists();
        assertThat(data.resolve("tls/server.pem")).exists();
    }

    @Test
    void finding1_aDataFolderThatBelongsToAnotherUserIsRefused() throws Exception {
        Path foreign;
        if ("root".equals(System.getProperty("user.name"))) {
            foreign = Files.createDirectories(dir.resolve("someone-elses"));
            Files.setOwner(foreign, foreign.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } else {
            foreign = Path.of("/usr/share"); // root's
        }
        assertThatThrownBy(() -> OwnerOnly.folder(foreign)).hasMessageContaining("belongs to")
                .hasMessageContaining("choose another folder");
    }

    @Test
    void finding1_withAKeysFileTheDatabaseHoldsNoKey() throws Exception {
        Path keys = dir.resolve("secret/keys.properties");
        server(Map.of("keys.file", keys.toString()));
        String token = fixture.issuer.token("alex-subject", "Alex");
        var code = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE)).json();
        assertThat(http().post("/api/v1/links/" + code.path("user_code").asText() + "/approve", token, "{}").status()).isEqualTo(200);
        assertThat(fixture.query("SELECT name FROM server_secrets")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
        assertThat(Files.readString(keys)).contains("code-hmac-key").contains("device-token-signing-key")
                .contains("local-issuer-signing-key");
        fixture.restart();
        assertThat(http().get("/api/v1/links/" + code.path("user_code").asText(), token).problem())
                .as("the same key after a restart: the code is still known").isEqualTo("code-used");
    }

    @Test
    void finding1_keysFoundInTheDatabaseMoveToANewKeysFile() throws Exception {
        server(Map.of());
        var code = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE)).json();
        assertThat(fixture.query("SELECT name FROM server_secrets")).isNotEmpty();
        fixture.close();
        Path keys = dir.resolve("keys.properties");
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("data"), Map.of("keys.file", keys.toString()));
        String token = fixture.issuer.token("alex-subject", "Alex");
        assertThat(http().get("/api/v1/links/" + code.path("user_code").asText(), token).status())
                .as("the code made with the database's key is found with the moved key").isEqualTo(200);
        assertThat(fixture.query("SELECT name FROM server_secrets")).isEmpty();
    }

    @Test
    void finding2_theServerListensOnItsOwnPortAndNoOther() throws Exception {
        Set<Integer> before = ListeningSockets.ofThisProcess();
        server(Map.of());
        Set<Integer> opened = new HashSet<>(ListeningSockets.ofThisProcess());
        opened.removeAll(before);
        opened.remove(URI.create(fixture.issuer.issuer()).getPort()); // the test's own identity provider
        assertThat(fixture.server().browserPort()).as("the login's loopback entrance, tested below").isPositive();
        assertThat(opened).as("its port, the login's entrance and the management port (health, metrics), both on loopback")
                .containsExactlyInAnyOrder(URI.create(fixture.server().baseUrl()).getPort(), fixture.server().browserPort(),
                fixture.server().managementPort());
    }

    @Test
    void theLoopbackEntranceServesTheLoginAndApprovalPagesAndNothingElse() throws Exception {
        server(Map.of());
        String entrance = "http://127.0.0.1:" + fixture.server().browserPort();
        var discovery = http().get("/idp/.well-known/openid-configuration", null).json();
        assertThat(discovery.path("authorization_endpoint").asText()).isEqualTo(entrance + "/idp/oauth2/v2.0/authorize");
        assertThat(discovery.path("issuer").asText()).as("the issuer stays the HTTPS server").startsWith("https://localhost:");

        // signing in through it, in a real browser that trusts nothing of ours: SignInInChromiumTest
        var login = new ScriptedBrowser(fixture.server().certificateFile()).open(LoginPages.authorize(entrance));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"");

        int port = fixture.server().browserPort();
        var approval = new ScriptedBrowser(fixture.server().certificateFile()).open(URI.create(entrance + "/link"));
        assertThat(approval.status()).as("the approval page, for a browser on this computer").isEqualTo(200);
        assertThat(approval.raw().headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
        for (String path : List.of("/idp/.well-known/openid-configuration", "/idp/oauth2/v2.0/token", "/api/v1/devices",
                "/oauth2/device_authorization", "/linker", "/.well-known/oauth-authorization-server")) {
            try (var raw = new RawHttp("http://127.0.0.1:" + port, null)) {
                var answer = raw.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").answer();
                assertThat(answer.status()).as(path + " is not served at the loopback entrance").isEqualTo(404);
            }
        }
        try (var raw = new RawHttp("http://127.0.0.1:" + port, null)) {
            var answer = raw.send("GET " + LoginPages.authorize("").getRawPath() + "?" + LoginPages.authorize("").getRawQuery()
                    + " HTTP/1.1\r\nHost: rebound.example:" + port + "\r\nConnection: close\r\n\r\n").answer();
            assertThat(answer.status()).as("a page that rebinds its name to 127.0.0.1 (DNS rebinding) gets nothing").isEqualTo(404);
        }
        try (var raw = new RawHttp("http://127.0.0.1:" + port, null)) {
            var answer = raw.send("GET /link HTTP/1.1\r\nHost: rebound.example:" + port + "\r\nConnection: close\r\n\r\n").answer();
            assertThat(answer.status()).as("nor the approval page").isEqualTo(404);
        }
    }

    @Test
    void finding4_turningTheDemoAccountsOffRemovesThemButNotARealAccountOfTheSameName() throws Exception {
        server(Map.of());
        assertThat(fixture.query("SELECT username FROM local_users")).extracting(r -> r.get("username"))
                .containsExactlyInAnyOrder("alex", "sam", "riley");
        fixture.close();
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("data"), Map.of("local-issuer.demo-accounts", "false"), false);
        assertThat(fixture.query("SELECT username FROM local_users")).isEmpty();
        assertThat(http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE)).oauthError())
                .as("the demo apps are gone too").isEqualTo("invalid_client");
        var browser = new ScriptedBrowser(fixture.server().certificateFile());
        var login = browser.open(LoginPages.authorize(fixture.server().baseUrl()));
        assertThat(login.body()).doesNotContain("link-demo");
        assertThat(browser.submit(login, "alex", "link-demo", "signin").status()).isEqualTo(401);

        // a real account of a demo name (its own salt, so not the published hash) stays when the server starts again
        fixture.addAccount("riley", "Riley Real", Role.SUPPORT, null);
        fixture.restart();
        assertThat(fixture.query("SELECT username FROM local_users")).extracting(r -> r.get("username")).containsExactly("riley");
    }

    @Test
    void finding7_aCharsetNobodyCanReadOrABrokenBodyIsA400NeverA500() throws Exception {
        server(Map.of());
        String token = fixture.issuer.token("alex-subject", "Alex");
        String deviceId = http().post("/api/v1/links/" + http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE)).json()
                .path("user_code").asText() + "/approve", token, "{}").json().path("id").asText();
        for (String charset : List.of("bogus-42", "@@@", "")) {
            String formType = "application/x-www-form-urlencoded; charset=" + charset;
            for (String path : List.of("/oauth2/device_authorization", "/oauth2/token", "/oauth2/revoke", "/idp/oauth2/v2.0/token")) {
                var answer = http().send(http().request(path).header("Content-Type", formType)
                        .POST(HttpRequest.BodyPublishers.ofString("client_id=demo-console")));
                assertThat(answer.status()).as(path + " " + charset).isEqualTo(415);
                assertThat(answer.oauthError()).as(path).isEqualTo("invalid_request");
            }
            var login = http().send(http().request("/idp/oauth2/v2.0/authorize").header("Content-Type", formType)
                    .POST(HttpRequest.BodyPublishers.ofString("username=alex")));
            assertThat(login.status()).isEqualTo(415);
            var rename = http().send(http().request("/api/v1/devices/" + deviceId).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json; charset=" + charset)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
            assertThat(rename.status()).isEqualTo(415);
            assertThat(rename.problem()).isEqualTo("unsupported-media-type");
        }
        assertThat(fixture.query("SELECT name FROM linked_devices")).extracting(r -> r.get("name")).doesNotContain("x");
        try (var raw = new RawHttp(fixture.server().baseUrl(), fixture.server().certificateFile())) {
            var broken = raw.send("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n").answer();
            assertThat(broken.status()).isEqualTo(400);
            assertThat(broken.body()).contains("\"error\":\"invalid_request\"");
        }
        assertThat(http().get("/.well-known/oauth-authorization-server", null).status()).isEqualTo(200);
    }

    /** A form is read in one go when its length is given; chunked or oversized ones take Javalin's reading and its 413. */
    @Test
    void formsAreReadWhateverTheirFraming() throws Exception {
        server(Map.of());
        String form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=demo-console&device_code=x";
        try (var raw = new RawHttp(fixture.server().baseUrl(), fixture.server().certificateFile())) {
            String head = "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n";
            var sized = raw.send(head + "Content-Length: " + form.length() + "\r\n\r\n" + form).answer();
            assertThat(sized.body()).contains("\"error\":\"invalid_grant\""); // read whole: only the code is unknown
            var chunked = raw.send(head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(30) + "\r\n" + form.substring(0, 30)
                    + "\r\n" + Integer.toHexString(form.length() - 30) + "\r\n" + form.substring(30) + "\r\n0\r\n\r\n").answer();
            assertThat(chunked.body()).contains("\"error\":\"invalid_grant\"");
            String big = form + "&pad=" + "a".repeat(17 * 1024);
            var tooBig = raw.send(head + "Content-Length: " + big.length() + "\r\n\r\n" + big).answer();
            assertThat(tooBig.status()).isEqualTo(413);
        }
    }

    @Test
    void finding8_aDeviceRenamedByItsIdInUpperCaseIsRenamed() {
        server(Map.of());
        String token = fixture.issuer.token("alex-subject", "Alex");
        String code = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE)).json().path("user_code").asText();
        String id = http().post("/api/v1/links/" + code + "/approve", token, "{}").json().path("id").asText();
        var renamed = http().patch("/api/v1/devices/" + id.toUpperCase(), token, "{\"name\":\"Attic TV\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("Attic TV");
        assertThat(http().delete("/api/v1/devices/" + id.toUpperCase(), token).status()).isEqualTo(200);
    }

    @Test
    void finding11_namesThatHideOrReorderWhatIsShownAreRefused() {
        server(Map.of());
        String token = fixture.issuer.token("alex-subject", "Alex");
        String code = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE)).json().path("user_code").asText();
        String id = http().post("/api/v1/links/" + code + "/approve", token, "{}").json().path("id").asText();
        for (String name : List.of("Kitchen TV\u202Eelosnoc", "Living\u2028room", "Zero\u200Bwidth", "Bell\u0007", "Word\uFEFFjoiner")) {
            var asked = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", name));
            assertThat(asked.status()).as(name).isEqualTo(400);
            assertThat(asked.json().path("error_description").asText()).contains("do not show as themselves");
            var renamed = http().patch("/api/v1/devices/" + id, token, "{\"name\":\"" + name.replace("\u0007", "\\u0007") + "\"}");
            assertThat(renamed.status()).as(name).isEqualTo(400);
        }
        assertThat(http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", "Télé du salon 📺"))
                .status()).as("accents and emoji show as themselves").isEqualTo(200);
        var lookalike = http().form("/oauth2/device_authorization", Map.of("client_id", CONSOLE, "device_name", "L\u0456ving-room TV"));
        assertThat(lookalike.status()).as("a Cyrillic і passing for a Latin i").isEqualTo(400);
        assertThat(lookalike.json().path("error_description").asText()).contains("one script");
    }

    @Test
    void finding13_aSenderThatDribblesItsHeadersIsCutOff() throws Exception {
        server(Map.of("http.header-timeout", "1"));
        try (var raw = new RawHttp(fixture.server().baseUrl(), fixture.server().certificateFile())) {
            raw.send("GET /.well-known/oauth-authorization-server HTTP/1.1\r\nHost: local");
            boolean closed = false;
            int sent = 0;
            for (; sent < 30 && !closed; sent++) { // a byte every 200 ms, never idle for long: the sender's own pace
                Thread.sleep(200);
                try {
                    raw.send("h");
                } catch (IOException e) {
                    closed = true;
                }
            }
            assertThat(closed).as("closed while still sending headers, after %d of its 30 bytes", sent).isTrue();
        }
        assertThat(http().get("/.well-known/oauth-authorization-server", null).status()).as("others are served").isEqualTo(200);
        // and one that dribbles its body: cut off rather than waited for
        try (var raw = new RawHttp(fixture.server().baseUrl(), fixture.server().certificateFile())) {
            raw.send("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 2000\r\n\r\ngrant_type=");
            boolean cutOff = false;
            int sent = 0;
            for (; sent < 40 && !cutOff; sent++) { // a byte every 250 ms: under the 64 bytes a second a body must keep to
                Thread.sleep(250);
                try {
                    raw.send("x");
                } catch (IOException e) {
                    cutOff = true;
                }
            }
            var answer = cutOff ? null : raw.answer(); // 40 of its 2,000 bytes: a 4xx now is a cut-off too
            assertThat(cutOff || answer.status() >= 400 && answer.status() < 500).as("cut off after %d bytes: %s", sent, answer).isTrue();
        }
    }

    @Test
    void finding13_everyAnswerCarriesItsProtectionsAndPagesTheirFramingRule() {
        server(Map.of());
        for (String path : List.of("/.well-known/oauth-authorization-server", "/link?code=WDJB-MJHT",
                "/idp/.well-known/openid-configuration",
                "/api/v1/devices", "/nothing")) {
            var answer = http().get(path, null);
            assertThat(answer.header("Strict-Transport-Security")).as(path).isEqualTo("max-age=31536000");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        var page = http().get("/link", null);
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'none'")
                .contains("script-src 'self'").doesNotContain("script-src 'unsafe-inline'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void finding13_jettysOwnErrorsAnswerInTheFormatOfThePath() throws Exception {
        server(Map.of());
        String base = fixture.server().baseUrl();
        Path certificate = fixture.server().certificateFile();
        try (var raw = new RawHttp(base, certificate)) {
            // a URI too long to be read has no path to speak for: a problem document
            var tooLong = raw.send("GET /oauth2/token?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n").answer();
            assertThat(tooLong.status()).isEqualTo(414);
            assertThat(tooLong.head()).containsIgnoringCase("content-type: application/problem+json");
            assertThat(tooLong.body()).contains("\"status\":414");
        }
        try (var raw = new RawHttp(base, certificate)) {
            var hugeHeaders = raw.send("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nX-Junk: " + "b".repeat(20_000)
                    + "\r\n\r\n").answer();
            assertThat(hugeHeaders.status()).isEqualTo(431);
            assertThat(hugeHeaders.head()).containsIgnoringCase("content-type: application/json");
            assertThat(hugeHeaders.body()).contains("\"error\":\"invalid_request\"");
        }
        try (var raw = new RawHttp(base, certificate)) {
            var hugeHeaders = raw.send("GET /api/v1/devices HTTP/1.1\r\nHost: localhost\r\nX-Junk: " + "b".repeat(20_000)
                    + "\r\n\r\n").answer();
            assertThat(hugeHeaders.status()).isEqualTo(431);
            assertThat(hugeHeaders.head()).containsIgnoringCase("content-type: application/problem+json");
            assertThat(hugeHeaders.body()).contains("\"status\":431");
        }
        try (var raw = new RawHttp(base, certificate)) {
            var nonsense = raw.send("HELLO THERE\r\n\r\n").answer();
            assertThat(nonsense.status()).isEqualTo(400);
            assertThat(nonsense.body()).doesNotContain("<html").contains("\"status\":400");
        }
    }

    @Test
    void passwordChecksDoNotStallTheRestOfTheServer() throws Exception {
        server(Map.of("local-issuer.login-failures", "100", "limit.address-failures", "100"));
        var logins = new ArrayList<CompletableFuture<Integer>>();
        try (var people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                logins.add(CompletableFuture.supplyAsync(() -> {
                    var browser = new ScriptedBrowser(fixture.server().certificateFile());
                    var login = browser.open(LoginPages.authorize(fixture.server().baseUrl()));
                    return browser.submit(login, "alex", "not the password", "signin").status();
                }, people));
            }
            // each answer counts when it came while logins were still being checked (8 checks of half a second on a
            // pool of half the cores): the server went on serving meanwhile. How fast is a figure, printed, not judged
            var times = new ArrayList<Long>();
            while (logins.stream().anyMatch(f -> !f.isDone()) && times.size() < 40) {
                long start = System.nanoTime();
                assertThat(http().get("/.well-known/oauth-authorization-server", null).status()).isEqualTo(200);
                if (logins.stream().anyMatch(f -> !f.isDone())) {
                    times.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            assertThat(logins).allSatisfy(f -> assertThat(f.join()).isEqualTo(401));
            assertThat(times).as("metadata answered while the logins were still being checked").isNotEmpty();
            times.sort(null);
            System.out.printf("metadata while 8 logins were checked: median %d ms over %d requests%n", times.get(times.size() / 2),
                    times.size());
        }
    }
}
