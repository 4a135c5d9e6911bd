package org.devicelink.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devicelink.device.DeviceClient;
import org.devicelink.protocol.DeviceAuthorization;
import org.devicelink.testing.Databases;
import org.devicelink.testing.LinkServerFixture;
import org.devicelink.testing.ScriptedBrowser;
import org.devicelink.testing.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval page signing people in with a provider other than the local one, as production does with Entra ID:
 * discovery, then an authorization code with PKCE and the page's client secret, over real HTTP to a real (test)
 * provider; its access token is checked as the app's are, roles and family included.
 */
class ApprovalPageWithAnotherProviderTest {

    @TempDir
    Path dir;
    LinkServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aParentSignsInAtTheConfiguredProviderAndApproves() throws Exception {
        fixture = new LinkServerFixture(Databases.H2, dir.resolve("server"), Map.of("local-issuer", "false", "web.authority",
                LinkServerFixture.TEST_ISSUER));
        fixture.issuer.signInAs("entra-oid-1", "Pat Parent", c -> c.claim("roles", List.of("organizer")).claim("family", "fam-9"));
        var device = fixture.device("demo-console");
        DeviceAuthorization code = device.requestCode("Den TV", null, null);

        var browser = new ScriptedBrowser(fixture.server().certificateFile());
        var start = browser.open(URI.create(fixture.server().baseUrl() + "/link/signin"));
        assertThat(start.status()).isEqualTo(303);
        String authorize = start.raw().headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(fixture.issuer.issuer().replace("/v2.0", "") + "/oauth2/v2.0/authorize?client_id="
                + TestIssuer.WEB_CLIENT)
                .contains("code_challenge_method=S256").contains("redirect_uri=" + URLEncoder.encode(
                        fixture.server().baseUrl() + "/link/callback", StandardCharsets.UTF_8));
        var back = browser.open(URI.create(authorize));
        var signedIn = browser.open(URI.create(back.raw().headers().firstValue("Location").orElseThrow()));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        assertThat(fixture.issuer.lastTokenRequest).containsEntry("client_secret", TestIssuer.WEB_SECRET).containsKey("code_verifier");

        browser.open(URI.create(code.verificationUriComplete()));
        var confirm = browser.open(URI.create(fixture.server().baseUrl() + "/link"));
        assertThat(confirm.body()).contains("Link Den TV to your account?").contains("Signed in as Pat Parent");
        var fields = new HashMap<>(confirm.hiddenFields());
        fields.put("action", "approve");
        assertThat(browser.post(URI.create(fixture.server().baseUrl() + "/link/decide"), fields).body()).contains("Den TV is linked");
        assertThat(device.awaitApproval(code, new DeviceClient.Listener() {}).accessToken()).isNotEmpty();

        // a code the provider never issued (or one replayed) signs no one in
        var replay = new ScriptedBrowser(fixture.server().certificateFile());
        var again = replay.open(URI.create(fixture.server().baseUrl() + "/link/signin"));
        String state = URI.create(again.raw().headers().firstValue("Location").orElseThrow()).getRawQuery().replaceAll(".*state=([^&]+).*",
                "$1");
        var refused = replay.open(URI.create(fixture.server().baseUrl() + "/link/callback?code=made-up&state=" + state));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("did not sign you in").contains("AADSTS70008");
    }
}
