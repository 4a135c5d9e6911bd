package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.devicelink.testing.Eventually;
import org.devicelink.testing.Http;
import org.devicelink.testing.PackagedServer;
import org.devicelink.testing.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 0 of the security review: nothing is answered 2xx before it is on disk. The packaged server on the embedded
 * default (H2 in its data folder) is killed with SIGKILL right after each kind of write, and started again; the write
 * is there.
 */
class DurabilityIT {

    @TempDir
    Path dir;
    TestIssuer issuer;
    PackagedServer server;
    Http http;
    int port;
    String base;
    /** More settings for every start. */
    final List<String> settings = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        issuer.close();
    }

    void start() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("server", "--data-dir", dir.resolve("data").toString(), "--port",
                Integer.toString(port), "--set", "code.interval=1", "--set", "management.port=0"));
        issuer.trustSettings().forEach((key, value) -> arguments.addAll(List.of("--set", key + "=" + value)));
        settings.forEach(setting -> arguments.addAll(List.of("--set", setting)));
        server = PackagedServer.run(arguments);
        base = server.await(Pattern.compile("link server on (https://localhost:\\d+)"));
        http = new Http(base, dir.resolve("data/tls/server.pem"));
    }

    /** A test issuer, and the server on a port that stays the same across restarts. */
    void startOnAFreePort() throws Exception {
        issuer = new TestIssuer();
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
    }

    /** Kills the server the moment the write was answered, and starts it again on the same data folder. */
    void killAndRestart() throws Exception {
        server.kill();
        start();
    }

    Http.Response poll(JsonNode code) {
        return http.form("/oauth2/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "client_id", "demo-console",
                "device_code", code.path("device_code").asText()));
    }

    Http.Response refresh(String token) {
        return http.form("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "demo-console", "refresh_token", token));
    }

    @Test
    void finding0_everyAcknowledgedWriteSurvivesTheServerBeingKilled() throws Exception {
        startOnAFreePort();
        String alex = issuer.token("alex-subject", "Alex");

        // a new code
        var asked = http.form("/oauth2/device_authorization", Map.of("client_id", "demo-console", "device_name", "Attic TV"));
        assertThat(asked.status()).isEqualTo(200);
        JsonNode code = asked.json();
        killAndRestart();
        assertThat(http.get("/api/v1/links/" + code.path("user_code").asText(), alex).status()).as("the code").isEqualTo(200);

        // an approval
        assertThat(http.post("/api/v1/links/" + code.path("user_code").asText() + "/approve", alex, "{}").status()).isEqualTo(200);
        killAndRestart();
        // a redemption
        var tokens = poll(code);
        assertThat(tokens.status()).as("the approval: " + tokens.body()).isEqualTo(200);
        killAndRestart();
        // a refresh rotation
        var rotated = refresh(tokens.json().path("refresh_token").asText());
        assertThat(rotated.status()).as("the redemption's refresh token: " + rotated.body()).isEqualTo(200);
        killAndRestart();
        var again = refresh(rotated.json().path("refresh_token").asText());
        assertThat(again.status()).as("the rotated refresh token: " + again.body()).isEqualTo(200);
        assertThat(refresh(tokens.json().path("refresh_token").asText()).oauthError()).as("the spent one stays spent")
                .isEqualTo("invalid_grant");
        killAndRestart();

        // a rename (the replay above ended this device's session; the name is still its own)
        String id = http.get("/api/v1/devices", alex).json().get(0).path("id").asText();
        assertThat(http.patch("/api/v1/devices/" + id, alex, "{\"name\":\"Loft TV\"}").status()).isEqualTo(200);
        killAndRestart();
        assertThat(http.get("/api/v1/devices", alex).json().get(0).path("name").asText()).as("the rename").isEqualTo("Loft TV");

        // an unlink, of a second device
        JsonNode second = http.form("/oauth2/device_authorization", Map.of("client_id", "demo-console")).json();
        http.post("/api/v1/links/" + second.path("user_code").asText() + "/approve", alex, "{}");
        String refreshToken = poll(second).json().path("refresh_token").asText();
        String secondId = http.get("/api/v1/devices", alex).json().get(0).path("id").asText();
        assertThat(http.delete("/api/v1/devices/" + secondId, alex).status()).isEqualTo(200);
        killAndRestart();
        assertThat(refresh(refreshToken).oauthError()).as("the unlink").isEqualTo("invalid_grant");

        // a denial
        JsonNode third = http.form("/oauth2/device_authorization", Map.of("client_id", "demo-console")).json();
        assertThat(http.post("/api/v1/links/" + third.path("user_code").asText() + "/deny", alex, "{}").status()).isEqualTo(204);
        killAndRestart();
        assertThat(poll(third).oauthError()).as("the denial").isEqualTo("access_denied");
    }

    /** The launch-day review's writes: a page session, a family decision and a support lookup survive a kill as well. */
    @Test
    void aPageSessionAFamilyDecisionAndASupportLookupSurviveTheServerBeingKilled() throws Exception {
        startOnAFreePort();
        String parent = issuer.token("pat-subject", "Pat", b -> b.claim("roles", List.of("organizer")).claim("family", "fam-1"));
        String child = issuer.token("kid-subject", "Kid", b -> b.claim("roles", List.of("child")).claim("family", "fam-1"));
        String support = issuer.token("sue-subject", "Sue", b -> b.claim("roles", List.of("support")));
        for (String token : List.of(parent, child, support)) {
            assertThat(http.get("/api/v1/devices", token).status()).isIn(200, 403);
        }

        // a page session (the local provider's sign-in on the approval page)
        var web = FuzzIT.WebSession.signIn(base, dir.resolve("data/tls/server.pem"));
        killAndRestart();
        assertThat(http.send(http.request("/link").header("Cookie", web.cookie())).body()).as("the page session").contains("Signed in as");

        // a family decision: the child's approval waits for a parent, who approves it
        JsonNode code = http.form("/oauth2/device_authorization", Map.of("client_id", "demo-console", "device_name",
                "Kid's Switch")).json();
        var asked = http.post("/api/v1/links/" + code.path("user_code").asText() + "/approve", child, "{}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        killAndRestart();
        var decided = http.post("/api/v1/family/requests/" + asked.json().path("id").asText() + "/approve", parent, "");
        assertThat(decided.status()).as("the child's request: " + decided.body()).isEqualTo(200);
        killAndRestart();
        assertThat(poll(code).status()).as("the parent's approval").isEqualTo(200);

        // a support lookup: audited, and the customer sees it
        var looked = http.get("/api/v1/support/codes/" + code.path("user_code").asText(), support);
        assertThat(looked.status()).as(looked.body()).isEqualTo(200);
        killAndRestart();
        assertThat(http.get("/api/v1/activity", child).json()).extracting(e -> e.path("kind").asText()).as("the audited lookup")
                .contains("viewed-by-support");
    }

    /**
     * The notices' outbox: a new link's email, committed with the approval while the mail server is down, is sent after
     * the server was killed and started again, once.
     */
    @Test
    void aNoticeCommittedBeforeTheKillIsSentAfterTheRestart() throws Exception {
        int smtpPort;
        try (var socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        settings.addAll(List.of("mail.host=127.0.0.1", "mail.port=" + smtpPort, "mail.security=none", "mail.retry=1"));
        startOnAFreePort();
        String alex = issuer.token("alex-subject", "Alex", b -> b.claim("email", "alex@example.com"));
        JsonNode code = http.form("/oauth2/device_authorization", Map.of("client_id", "demo-console", "device_name", "Attic TV")).json();
        assertThat(http.post("/api/v1/links/" + code.path("user_code").asText() + "/approve", alex, "{}").status()).isEqualTo(200);
        // answered, so committed; with no mail server, not sent (and perhaps held by this node's delivery when it dies)
        Eventually.until("the first send failed", () -> server.text().contains("Could not send a linked notice"));
        server.kill();

        var mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            start();
            var received = Eventually.until(mail::getReceivedMessages, messages -> messages.length > 0);
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("New device linked: Attic TV");
        } finally {
            mail.stop();
        }
    }
}
